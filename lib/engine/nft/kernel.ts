import { EngineError } from '../errors';
import { scriptContext } from '../iptables/restore-error';
import { commandNotFound, type CommandRunner } from '../runner/command-runner';
import { ListingError, parseListing } from './listing';
import type { NftTable } from './model';
import { tableRef } from './names';

const notInstalled = () => new EngineError('host-failure', 'nft is not installed on this host (apt-get install nftables)');

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
  if (r.exitCode === commandNotFound) throw notInstalled();
  const line = nftFailingLine(r.stderr);
  const detail = r.stderr.split('\n').find((l) => l.includes('Error:'))?.replace(/^.*Error: /, '') ?? r.stderr.trim();
  throw new EngineError('kernel-refused', `the kernel refused the rules${line ? ` at line ${line}` : ''}: ${detail}`, { context: scriptContext(script, line) });
}

/** `nft -j ARGS`, parsed into `into` (or a new model); null when nft says the table or map is not there. */
async function listInto(runner: CommandRunner, args: string[], into?: NftTable): Promise<NftTable | null> {
  const r = await runner.run('nft', ['-j', ...args]);
  if (r.exitCode === commandNotFound) throw notInstalled();
  if (r.exitCode !== 0) {
    if (/No such file or directory/.test(r.stderr)) return null;
    throw new EngineError('host-failure', `nft ${args.join(' ')} failed: ${r.stderr.trim()}`);
  }
  try {
    return parseListing(r.stdout, into);
  } catch (e) {
    if (e instanceof ListingError) throw new EngineError('host-failure', `could not read nft's listing: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Below this many bindings the whole table is listed in one go: small, and one process instead of a dozen. */
export const listMapByMapFrom = 500;

/**
 * Read Switchyard's table with `nft -j`; null when there is none. A table expected to hold
 * `bindings` or more (or of unknown size) is read in parts: first without its elements (`-t`:
 * chains, rules, map declarations), then each map on its own, one after the other. nft 1.0.6
 * builds its whole output in memory, and one map of 10,000 elements costs a fraction of the whole
 * table's ~6 maps. Only Switchyard's own table is ever listed.
 */
export async function readTable(runner: CommandRunner, bindings = Infinity): Promise<NftTable | null> {
  const ref = tableRef.split(' ');
  if (bindings < listMapByMapFrom) return listInto(runner, ['list', 'table', ...ref]);
  const t = await listInto(runner, ['-t', 'list', 'table', ...ref]);
  if (!t) return null;
  for (const name of [...t.maps.keys()]) {
    // A map that went away since the first listing (another writer) reads as empty.
    await listInto(runner, ['list', 'map', ...ref, name], t);
  }
  return t;
}
