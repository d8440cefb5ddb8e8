import { EngineError } from '../errors';
import { hostWarnings, readFacts } from '../host/facts';
import type { HostState } from '../model/binding';
import type { Change, ChangeReport, HostFacts } from '../model/report';
import { backendOf, type EngineContext } from './context';

/** What a verb decides from the current state and the host's facts. */
export interface Decision {
  next: HostState;
  changes: Change[];
  warnings?: string[];
}

/**
 * The one path by which state and kernel change: under the lock, read state and facts, let the
 * verb decide, then one backend transaction, then the state file. Any failure leaves both as before.
 * `sync: 'full'` (restore, apply --file) also repairs what drifted in the kernel.
 */
export async function transact(
  ctx: EngineContext,
  decide: (state: HostState, facts: HostFacts) => Promise<Decision>,
  opts: { dryRun?: boolean; sync?: 'changes' | 'full' } = {},
): Promise<ChangeReport & { state: HostState }> {
  return ctx.store.withLock(async () => {
    const state = await ctx.store.read();
    const backend = backendOf(ctx, state);
    const facts = await readFacts(ctx.runner, ctx.hostname);
    const d = await decide(state, facts);
    const next: HostState = { ...d.next, backend: backend.name };
    const change = { before: state, next, changes: d.changes, sync: opts.sync ?? 'changes' } as const;
    const warnings = [...(d.warnings ?? []), ...hostWarnings(facts, next.bindings.length)];
    if (opts.dryRun) return { changes: d.changes, script: await backend.plan(change), warnings, state: next };
    const applied = await backend.apply(change);
    try {
      await ctx.store.write(next);
    } catch (e) {
      const undo = await applied.undo();
      throw new EngineError('host-failure', `could not save the state file, rules rolled back${undo ? ` (rollback failed: ${undo})` : ''}: ${(e as Error).message}`, { cause: e });
    }
    return { changes: d.changes, script: applied.script, warnings, state: next };
  });
}
