import { EngineError } from '../errors';
import { hostWarnings } from '../host/facts';
import type { HostState } from '../model/binding';
import type { Change, ChangeReport, ForeignRule, HostFacts } from '../model/report';
import type { Applied, Backend } from '../backend';
import { readListeners } from '../host/listeners';
import { backendOf, hostFacts, type EngineContext } from './context';
import { checkFront, checkTarget, newFronts, newTargets, type RailOptions } from './rails';

/** What a verb decides from the current state and the host's facts. */
export interface Decision {
  next: HostState;
  changes: Change[];
  warnings?: string[];
  /** `adopt`: the foreign DNAT rule the same transaction removes. */
  release?: ForeignRule;
}

/**
 * The one path by which state and kernel change: under the lock, read state and facts, let the
 * verb decide, then one backend transaction, then the state file. Any failure leaves both as before.
 * `sync: 'full'` (restore, apply --file) also repairs what drifted in the kernel.
 */
export async function transact(
  ctx: EngineContext,
  decide: (state: HostState, facts: HostFacts) => Promise<Decision>,
  opts: { dryRun?: boolean; sync?: 'changes' | 'full'; rails?: RailOptions } = {},
): Promise<ChangeReport & { state: HostState }> {
  return ctx.store.withLock(async () => {
    // The facts' processes start before the state file is parsed, so the two overlap; a state
    // file that cannot be read is still the error reported.
    const reading = hostFacts(ctx);
    reading.catch(() => undefined);
    const state = await ctx.store.read();
    const backend = backendOf(ctx, state);
    const facts = await reading;
    const d = await decide(state, facts);
    const railWarnings = opts.rails ? await enforceRails(ctx, backend, d.changes, facts, opts.rails) : [];
    const next: HostState = { ...d.next, backend: backend.name };
    const change = { before: state, next, changes: d.changes, sync: opts.sync ?? 'changes', ...(d.release ? { release: d.release } : {}) } as const;
    const warnings = [...(d.warnings ?? []), ...railWarnings, ...hostWarnings(facts, next.bindings.length)];
    if (opts.dryRun) return { changes: d.changes, script: await backend.plan(change), warnings, state: next };
    const applied = await backend.apply(change);
    await saveOrUndo(applied, () => ctx.store.write(next));
    return { changes: d.changes, script: applied.script, warnings, state: next };
  });
}

/** Save the state once the kernel holds it; if it cannot be saved, take the kernel's change back. */
export async function saveOrUndo(applied: Applied, save: () => Promise<void>): Promise<void> {
  try {
    await save();
  } catch (e) {
    const undo = await applied.undo();
    throw new EngineError('host-failure', `could not save the state file, rules rolled back${undo ? ` (rollback failed: ${undo})` : ''}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * The safety rails for what a verb decided: new targets must be other machines, new fronts must
 * not take a port the host listens on nor shadow a foreign DNAT rule. Listeners and foreign rules
 * are read only when a front is new. Returns warnings (listeners that could not be read).
 */
export async function enforceRails(ctx: EngineContext, backend: Backend, changes: Change[], facts: HostFacts, rails: RailOptions): Promise<string[]> {
  if (!rails.allowLocalTarget) for (const b of newTargets(changes)) checkTarget(b, facts);
  const fronts = newFronts(changes);
  if (rails.force || fronts.length === 0) return [];
  const [heard, seen] = await Promise.all([readListeners(ctx.runner), backend.observe([], { foreign: true })]);
  const listeners = 'listeners' in heard ? heard.listeners : [];
  for (const b of fronts) checkFront(b, facts, listeners, seen.foreign);
  return 'warning' in heard ? [heard.warning] : [];
}
