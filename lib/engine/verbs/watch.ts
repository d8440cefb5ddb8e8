import { EngineError, asEngineError } from '../errors';
import { clearWatcherRecord, processAlive, readWatcherRecord, writeWatcherRecord, type WatcherRecord } from '../state/watcher-record';
import { backendOf, type EngineContext } from './context';
import { list } from './read-status';
import { restore } from './restore';

export interface WatchOptions {
  /** How often the kernel is compared with the state (a heal follows within one interval). */
  intervalMs: number;
  /** Ends the watch (SIGTERM/SIGINT in the CLI). */
  signal: AbortSignal;
  /** One line per heal or failure (stderr, so the journal keeps it). */
  log: (line: string) => void;
}

/** What is off in the kernel, in a few words for the log: `web missing, svc drifted`; empty when nothing is. */
export async function driftSummary(ctx: EngineContext): Promise<string> {
  const state = await ctx.store.read();
  const backend = backendOf(ctx, state);
  const script = await backend.plan({ before: state, next: state, changes: [], sync: 'full' });
  if (!script) return '';
  const seen = await backend.observe(state.bindings, { foreign: false });
  const off = seen.bindings.filter((b) => b.state !== 'active').map((b) => `${b.id} ${b.state}`);
  return off.length ? off.join(', ') : 'shared rules changed';
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * `watch`: every interval, compare the kernel with the state file; when another tool flushed or
 * changed Switchyard's rules (a firewalld reload, `iptables -t nat -F`, `nft flush ruleset`),
 * re-apply the state (`restore`: only Switchyard's own chains and table are written, never a
 * foreign rule) and log one line. Leaves a record in the state directory so `status` can tell it
 * runs; refuses to start beside a live watcher. Returns the number of heals when `signal` aborts.
 */
export async function watch(ctx: EngineContext, o: WatchOptions): Promise<{ heals: number }> {
  const dir = ctx.stateDir;
  const other = dir ? await readWatcherRecord(dir) : null;
  if (other && other.pid !== process.pid && processAlive(other.pid)) {
    throw new EngineError('conflict', `a watcher already runs for this state (pid ${other.pid}, since ${other.since})`);
  }
  const record: WatcherRecord = { pid: process.pid, since: new Date().toISOString(), intervalMs: o.intervalMs, heals: 0 };
  const save = async () => {
    if (dir) await writeWatcherRecord(dir, record).catch((e: Error) => o.log(`switchyard watch: could not write its record: ${e.message}`));
  };
  await save();
  o.log(`switchyard watch: watching ${ctx.hostname} every ${o.intervalMs / 1000} s`);
  let lastError = '';
  try {
    while (!o.signal.aborted) {
      try {
        const off = await driftSummary(ctx);
        // Each check also samples the connection counters, so `lastConnectionSeen` is at most one interval late.
        await list(ctx);
        record.lastCheck = new Date().toISOString();
        if (off) {
          const r = await restore(ctx);
          record.heals++;
          record.lastHeal = record.lastCheck;
          o.log(`switchyard watch: healed ${ctx.hostname}: ${off}; re-applied ${r.script.split('\n').filter(Boolean).length} line(s)`);
        }
        lastError = '';
      } catch (e) {
        const msg = asEngineError(e).message;
        // The same failure every interval is logged once, not once per interval.
        if (msg !== lastError) o.log(`switchyard watch: could not heal ${ctx.hostname}: ${msg}`);
        lastError = msg;
      }
      await save();
      await sleep(o.intervalMs, o.signal);
    }
  } finally {
    if (dir) await clearWatcherRecord(dir, process.pid);
    o.log(`switchyard watch: stopped after ${record.heals} heal(s)`);
  }
  return { heals: record.heals };
}
