import { EngineError } from '../errors';
import { hostWarnings, readFacts } from '../host/facts';
import { compile } from '../iptables/compile';
import { applyRuleSet, readKernel, revertTo } from '../iptables/kernel';
import { ownedOf, plan } from '../iptables/plan';
import type { HostState } from '../model/binding';
import type { Change, ChangeReport, HostFacts } from '../model/report';
import type { EngineContext } from './context';

/** What a verb decides from the current state and the host's facts. */
export interface Decision {
  next: HostState;
  changes: Change[];
  warnings?: string[];
}

/**
 * The one path by which state and kernel change: under the lock, read state and facts, let the
 * verb decide, then one restore transaction, then the state file. Any failure leaves both as before.
 */
export async function transact(
  ctx: EngineContext,
  decide: (state: HostState, facts: HostFacts) => Promise<Decision>,
  opts: { dryRun?: boolean } = {},
): Promise<ChangeReport & { state: HostState }> {
  return ctx.store.withLock(async () => {
    const state = await ctx.store.read();
    const facts = await readFacts(ctx.runner, ctx.hostname);
    const d = await decide(state, facts);
    const kernel = await readKernel(ctx.runner, ctx.iptables);
    const desired = compile(d.next);
    const warnings = [...(d.warnings ?? []), ...hostWarnings(facts, d.next.bindings.length)];
    if (opts.dryRun) return { changes: d.changes, script: plan(kernel, desired).script, warnings, state: d.next };
    const p = await applyRuleSet(ctx.runner, ctx.iptables, kernel, desired);
    try {
      await ctx.store.write(d.next);
    } catch (e) {
      const undo = await revertTo(ctx.runner, ctx.iptables, ownedOf(kernel));
      throw new EngineError('host-failure', `could not save the state file, rules rolled back${undo ? ` (rollback failed: ${undo})` : ''}: ${(e as Error).message}`, { cause: e });
    }
    return { changes: d.changes, script: p.script, warnings, state: d.next };
  });
}
