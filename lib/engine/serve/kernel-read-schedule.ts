/**
 * When the status check reads the kernel's rules and counters in full (one `iptables-save -c`,
 * seconds of CPU at 10,000 bindings): at once after a change was announced or nothing announces
 * changes, else no more than a twentieth of the time (so counters stay fresh on small hosts, every
 * check, and a host with 10,000 bindings is not kept busy by its own watcher).
 */
export interface KernelReads {
  /** When the last full read ended, and how long it took (ms). */
  lastEndedAt?: number;
  lastTookMs: number;
  /** Changes announced since the last read began (nft monitor), or undefined when unannounced. */
  changesSince?: number;
}

/** Share of the time at most spent in full reads when nothing was announced. */
export const readBudget = 1 / 20;

/** True when the check at `now` must read the kernel in full. */
export function kernelReadDue(r: KernelReads, now: number, intervalMs: number): boolean {
  if (r.lastEndedAt === undefined || (r.changesSince ?? 0) > 0) return true;
  return now - r.lastEndedAt >= Math.max(intervalMs, r.lastTookMs / readBudget) - intervalMs / 4;
}
