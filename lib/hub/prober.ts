import type { ProbeReport, ProbeResult } from '@/lib/engine/model/report';
import type { Hub } from './hub';
import type { HostRecord } from './host-record';

/** Asks one host to probe its bindings (`probe --json` through its session); null when it could not answer. */
export type AskProbe = (host: string) => Promise<ProbeReport | null>;

export interface ProberOptions {
  /** How often every binding is probed (the 30 s by default, `SWITCHYARD_PROBE_INTERVAL_MS`). */
  intervalMs: number;
  /** At most this many hosts probing at once. */
  concurrency?: number;
  /** The first round starts this soon (default: the interval, capped at 3 s, so a fresh console soon shows health). */
  firstAfterMs?: number;
}

/** A running prober: `round()` probes now (tests, and the timer); `stop()` ends the rounds. */
export interface Prober {
  round(): Promise<void>;
  stop(): void;
}

/** The probe interval the environment asks for: a positive number of milliseconds, else the default 30 s. */
export function probeIntervalFromEnv(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.SWITCHYARD_PROBE_INTERVAL_MS);
  return Number.isFinite(v) && v >= 50 ? v : 30_000;
}

/** The hosts worth probing: answering (not down), with bindings, or with probes of bindings since removed. */
export const probeable = (records: readonly HostRecord[]): HostRecord[] =>
  records.filter((r) => r.freshness !== 'down' && r.status !== null && (r.status.bindings.length > 0 || (r.probes?.length ?? 0) > 0));

/** Run `work` over `items`, at most `limit` at a time. */
async function bounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/**
 * Probe every binding of every answering host each interval, through the hosts' own sessions, a
 * few hosts at a time; the hub records each host's results (and pushes them to browsers). Hosts
 * that are down are skipped; a host that fails to answer keeps its previous results. Rounds never
 * overlap: the next starts an interval after the previous one started, or when it ends if later.
 */
export function startProber(hub: Hub, ask: AskProbe, opts: ProberOptions): Prober {
  const concurrency = opts.concurrency ?? 4;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;

  const round = (): Promise<void> => {
    running ??= bounded(probeable(hub.hosts()), concurrency, async (r) => {
      const report = await ask(r.name).catch(() => null);
      if (report && !stopped) hub.observeProbes(r.name, report.probes satisfies ProbeResult[]);
    }).finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = Date.now();
      void round().then(() => schedule(Math.max(0, opts.intervalMs - (Date.now() - started))));
    }, delayMs);
    timer.unref?.();
  };
  schedule(opts.firstAfterMs ?? Math.min(opts.intervalMs, 3_000));

  return {
    round,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
