import { EngineError } from '../errors';
import { scriptContext } from '../iptables/restore-error';
import { commandNotFound, type CommandRunner, type RunResult } from '../runner/command-runner';
import { Spool } from '../runner/spool';
import { ListingError, ListingReader } from './listing';
import type { NftElement, NftTable } from './model';
import type { MapName } from './names';

/** Where read-back hands each map element, instead of keeping it in the table model. */
export type ElementSink = (map: MapName, element: NftElement) => void;
import { table, tableRef } from './names';

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

/** Whether `nft -j ARGS` listed something: false when nft says the table or map is not there; any other failure throws. */
function listed(r: RunResult, args: readonly string[]): boolean {
  if (r.exitCode === commandNotFound) throw notInstalled();
  if (r.exitCode === 0) return true;
  if (/No such file or directory/.test(r.stderr)) return false;
  throw new EngineError('host-failure', `nft ${args.join(' ')} failed: ${r.stderr.trim()}`);
}

/** Pieces of nft's output into `reader`; a piece it cannot read is reported when the listing ends, not while nft writes. */
function feeding(reader: ListingReader): { push: (text: string) => void; end: () => ListingReader } {
  let unreadable: unknown;
  return {
    push(text) {
      if (unreadable !== undefined || !text) return;
      try {
        reader.push(text);
      } catch (e) {
        unreadable = e;
      }
    },
    end() {
      try {
        if (unreadable !== undefined) throw unreadable;
        reader.end();
        return reader;
      } catch (e) {
        if (e instanceof ListingError) throw new EngineError('host-failure', `could not read nft's listing: ${e.message}`, { cause: e });
        throw e;
      }
    },
  };
}

/** `nft -j ARGS`, read as nft writes it into `into` (or a new model); null when nft says the table or map is not there. */
async function listInto(runner: CommandRunner, args: string[], into?: NftTable, sink?: ElementSink): Promise<ListingReader | null> {
  const feed = feeding(new ListingReader(into, sink));
  const r = await runner.run('nft', ['-j', ...args], { onStdout: feed.push });
  if (!listed(r, args)) return null;
  feed.push(r.stdout);
  return feed.end();
}

/** A listing made aside: in a spool, or (no temporary file to be had) gathered as nft wrote it. */
interface Aside {
  spool?: Spool;
  stdout: string;
}

/** `nft -j ARGS` written into a spool, read by no one while nft runs; null when nft says the map is not there. */
async function listAside(runner: CommandRunner, args: string[]): Promise<Aside | null> {
  const spool = await Spool.open().catch(() => undefined);
  if (!spool) {
    // A read-only or full temporary directory costs memory, not the listing.
    const r = await runner.run('nft', ['-j', ...args]);
    return listed(r, args) ? { stdout: r.stdout } : null;
  }
  try {
    const r = await runner.run('nft', ['-j', ...args], { stdoutFd: spool.fd });
    if (listed(r, args)) return { spool, stdout: r.stdout };
  } catch (e) {
    await spool.close();
    throw e;
  }
  await spool.close();
  return null;
}

/** Below this many bindings the whole table is listed in one go: small, and one process instead of a dozen. */
export const listMapByMapFrom = 500;

/** Maps listed costliest first (fronts, then targets, then the rest), while this process holds the least. */
const listingCost = (name: string) => (name.endsWith('_fronts') ? 0 : name.endsWith('_targets') ? 1 : 2);

/**
 * Read Switchyard's table with `nft -j`; null when there is none. A table expected to hold
 * `bindings` or more (or of unknown size) is read in parts: first its chains, rules and map
 * declarations from a terse listing of the `ip` ruleset (nft 1.0.6 loads every element of a
 * table for `list table` or `list chain`, `-t` or not; a terse ruleset listing loads none, and
 * other tables' items in it are read past), then each map on its own, one after the other, each
 * read as nft writes it. One map of 10,000 elements costs nft a fraction of the whole table's.
 * With `sink`, map elements go there instead of into the model (whose maps stay declared, empty).
 */
export async function readTable(runner: CommandRunner, bindings = Infinity, sink?: ElementSink): Promise<NftTable | null> {
  const ref = tableRef.split(' ');
  if (bindings < listMapByMapFrom) return (await listInto(runner, ['list', 'table', ...ref], undefined, sink))?.end() ?? null;
  const terse = await listInto(runner, ['-t', 'list', 'ruleset', table.family]);
  if (!terse?.sawTable) return null;
  const t = terse.end();
  // Every map is listed before any is read: nft's listing then runs beside a process that holds nothing yet.
  const aside: (Aside | null)[] = [];
  try {
    for (const name of [...t.maps.keys()].sort((a, b) => listingCost(a) - listingCost(b))) {
      // A map that went away since the first listing (another writer) reads as empty.
      aside.push(await listAside(runner, ['list', 'map', ...ref, name]));
    }
    for (const listing of aside) {
      if (!listing) continue;
      const feed = feeding(new ListingReader(t, sink));
      await listing.spool?.read(feed.push);
      feed.push(listing.stdout);
      feed.end();
      await listing.spool?.close();
    }
  } finally {
    for (const listing of aside) await listing?.spool?.close();
  }
  return t;
}
