import type { BindingReport, ChangeReport } from '../model/report';
import { backendOf, type EngineContext } from './context';
import { findBinding } from './find-binding';

/** `repair --json`: which bindings were re-applied, the script, and how each binding reads back now. */
export interface RepairReport extends ChangeReport {
  /** Ids whose rules were re-applied (the one asked for, or every binding not active). */
  repaired: string[];
  /** The repaired bindings as the kernel holds them afterwards. */
  bindings: BindingReport[];
}

/**
 * `repair [ID]`: put back the rules of one binding (or of every drifted or missing one) as the
 * state file says, in one transaction that names no other binding's rules. The state file is
 * not changed; a binding already active is left alone.
 */
export async function repair(ctx: EngineContext, id?: string): Promise<RepairReport> {
  return ctx.store.withLock(async () => {
    const state = await ctx.store.read();
    const backend = backendOf(ctx, state);
    const asked = id ? [findBinding(state, id, ctx.hostname)] : state.bindings;
    const before = await backend.observe(asked, { foreign: false });
    const ids = before.bindings.filter((b) => b.state !== 'active').map((b) => b.id);
    if (ids.length === 0) return { changes: [], script: '', warnings: [], repaired: [], bindings: before.bindings };
    const applied = await backend.repair(state, ids);
    const repaired = new Set(ids);
    const after = await backend.observe(state.bindings.filter((b) => repaired.has(b.id)), { foreign: false });
    const still = after.bindings.filter((b) => b.state !== 'active').map((b) => `${b.id} is still ${b.state}`);
    return { changes: [], script: applied.script, warnings: still, repaired: ids, bindings: after.bindings };
  });
}
