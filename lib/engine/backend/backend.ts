import type { Binding, HostState } from '../model/binding';
import type { BindingReport, Change, ForeignRule, Traffic } from '../model/report';

/** The kernel interfaces Switchyard can hold its rules in. */
export type BackendName = 'iptables' | 'nft';

export const backendNames: readonly BackendName[] = ['iptables', 'nft'];

/**
 * One step of a host's state: what the state file said, what it will say, and the binding-level
 * changes between them. `sync: 'full'` asks the backend to compare with the kernel and repair
 * anything that drifted (restore, apply --file); `'changes'` lets it write only what changed.
 */
export interface StateChange {
  before: HostState;
  next: HostState;
  changes: Change[];
  sync: 'changes' | 'full';
  /**
   * `adopt`: another tool's DNAT rule (as `observe` listed it) that this change removes in the
   * same transaction that adds the binding replacing it, so no new connection finds neither.
   */
  release?: ForeignRule;
  /**
   * Present when `before` and `next` hold only part of the state (a rebind at many bindings): the
   * bindings on the changed bindings' fronts (protocol and port) and every exposure, which is all a
   * change that keeps every front needs to plan. Loads both states whole, for a full sync or an
   * undo; `wholeChange` is the one way to get them.
   */
  whole?: () => Promise<{ before: HostState; next: HostState }>;
}

/** The change with both states whole: itself, or with them loaded when it holds only their part. */
export async function wholeChange(c: StateChange): Promise<StateChange> {
  if (!c.whole) return c;
  const { before, next } = await c.whole();
  return { before, next, changes: c.changes, sync: c.sync, ...(c.release ? { release: c.release } : {}) };
}

/** What a backend sent to the kernel, and how to take it back if the state file cannot follow. */
export interface Applied {
  /** The exact script(s) sent; empty when nothing needed to change. */
  script: string;
  /** Put Switchyard's part of the kernel back as it was; returns why that failed, or null. */
  undo(): Promise<string | null>;
}

/** What the kernel holds for a host's bindings, and other tools' DNAT rules. */
export interface Observed {
  /** From `readKernel`, possibly built on read (see `builtOnRead`): read each item once where it matters. */
  bindings: BindingReport[];
  foreign: ForeignRule[];
  /** Binding i's traffic, without building its report (for stamping when its connections rose). */
  traffic?: (i: number) => Traffic;
}

/**
 * The one seam between the verbs and netfilter: the verbs hand desired state to a backend and
 * never speak iptables or nft themselves. Each change is one transaction: refused means unchanged.
 */
export interface Backend {
  readonly name: BackendName;
  /** The script `apply` would send for this change; changes nothing. */
  plan(change: StateChange): Promise<string>;
  /** Make the kernel hold `change.next` in one transaction. */
  apply(change: StateChange): Promise<Applied>;
  /** Each binding's kernel state and counters; foreign DNAT rules when asked (status). */
  observe(bindings: Binding[], opts: { foreign: boolean }): Promise<Observed>;
  /**
   * `observe` in two steps: read the kernel now (`expected` bindings, when known), compare with
   * the bindings handed over later. list and status read the kernel before the state file when
   * the backend is named, so that at 10,000 bindings the kernel's listing and the parsed state
   * file are never in memory at the same time.
   */
  readKernel(opts: { foreign: boolean }, expected?: number): Promise<(bindings: Binding[]) => Observed>;
  /**
   * Re-apply the rules of the bindings `ids` (and the shared rules they depend on) as `state` asks,
   * in one transaction, leaving every other binding's rules as the kernel holds them.
   */
  repair(state: HostState, ids: readonly string[]): Promise<Applied>;
  /**
   * Remove everything this backend owns. `keepForward` leaves the shared SWITCHYARD-FWD accept in
   * place, for `migrate`, where the other backend relies on it.
   */
  flush(opts?: { keepForward?: boolean }): Promise<Applied>;
}
