import type { Tables } from './ruleset';
import { applyRestore } from './simulated/apply-restore';

/**
 * What a long-lived session knows its host's iptables hold: the last dump it read, with every
 * script the kernel accepted from it since applied to that dump (by the same model the simulated
 * iptables uses), so a change is planned without another `iptables-save`. Forgotten whenever
 * someone else may have changed the kernel; an offered dump read while something changed is refused.
 */
export class KnownRuleset {
  private tables: Tables | undefined;
  private epoch = 0;
  /** How many scripts the kernel accepted from this session (each one nf_tables transaction). */
  appliedCount = 0;

  /** A copy of the tables as last known, or undefined when they must be read. */
  get(): Tables | undefined {
    return this.tables && structuredClone(this.tables);
  }

  /** True when the tables are known (a change can be planned without reading the kernel). */
  holds(): boolean {
    return this.tables !== undefined;
  }

  /** A mark to take before reading the kernel and pass to `offer`. */
  get mark(): number {
    return this.epoch;
  }

  /** A dump read from the kernel, begun at `mark`; kept only if nothing was applied or forgotten since. */
  offer(tables: Tables, mark: number): void {
    if (mark === this.epoch) this.tables = tables;
  }

  /** A script the kernel accepted (`iptables-restore --noflush`, with `[packets:bytes]` when `counters`). */
  applied(script: string, counters: boolean): void {
    this.epoch++;
    this.appliedCount++;
    if (!this.tables) return;
    const r = applyRestore(this.tables, script, { noflush: true, counters });
    // The model refusing what the kernel took means the two disagree: read the kernel next time.
    this.tables = r.ok ? r.tables : undefined;
  }

  /** Someone else may have changed the kernel: read it next time. */
  forget(): void {
    this.epoch++;
    this.tables = undefined;
  }
}
