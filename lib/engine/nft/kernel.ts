import { EngineError } from '../errors';
import { scriptContext } from '../iptables/restore-error';
import { commandNotFound, type CommandRunner } from '../runner/command-runner';
import { ListingError, parseListing } from './listing';
import type { NftTable } from './model';
import { tableRef } from './names';

/** The line nft names when it refuses a script (`/dev/stdin:4:12-20: Error: …`). */
export function nftFailingLine(stderr: string): number | null {
  const m = /^(?:\/dev\/stdin|<stdin>|-):(\d+):/m.exec(stderr);
  return m ? Number(m[1]) : null;
}

/** Send one script as one `nft -f` transaction; a refusal names the failing line. */
export async function runNft(runner: CommandRunner, script: string): Promise<void> {
  if (!script) return;
  const r = await runner.run('nft', ['-f', '-'], { input: script });
  if (r.exitCode === 0) return;
  if (r.exitCode === commandNotFound) throw new EngineError('host-failure', 'nft is not installed on this host (apt-get install nftables)');
  const line = nftFailingLine(r.stderr);
  const detail = r.stderr.split('\n').find((l) => l.includes('Error:'))?.replace(/^.*Error: /, '') ?? r.stderr.trim();
  throw new EngineError('kernel-refused', `the kernel refused the rules${line ? ` at line ${line}` : ''}: ${detail}`, { context: scriptContext(script, line) });
}

/** Read Switchyard's table with `nft -j`; null when there is none. */
export async function readTable(runner: CommandRunner): Promise<NftTable | null> {
  const r = await runner.run('nft', ['-j', 'list', 'table', ...tableRef.split(' ')]);
  if (r.exitCode === commandNotFound) throw new EngineError('host-failure', 'nft is not installed on this host (apt-get install nftables)');
  if (r.exitCode !== 0) {
    if (/No such file or directory/.test(r.stderr)) return null;
    throw new EngineError('host-failure', `nft list table ${tableRef} failed: ${r.stderr.trim()}`);
  }
  try {
    return parseListing(r.stdout);
  } catch (e) {
    if (e instanceof ListingError) throw new EngineError('host-failure', `could not read nft's listing: ${e.message}`, { cause: e });
    throw e;
  }
}
