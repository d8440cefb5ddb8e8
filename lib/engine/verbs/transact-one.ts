import { hostWarnings } from '../host/facts';
import type { Binding, HostState } from '../model/binding';
import type { ChangeReport, HostFacts } from '../model/report';
import { replaceBinding, wholeView, type StateView } from '../state/state-view';
import { backendOf, hostFacts, type EngineContext } from './context';
import { checkRevision, findBinding } from './find-binding';
import type { RailOptions } from './rails';
import { enforceRails, saveOrUndo } from './transact';

/**
 * `transact` for a change of one binding that keeps its id, kind, protocol and front (a rebind):
 * the same steps under the lock, but the state is read as a view (the binding, and the fronts the
 * checks ask about) and saved as that one replaced binding, and the backend plans from the
 * bindings on its front alone. So it costs the same at 10 bindings as at 10,000. `decide` returns
 * the binding's new version, or null when nothing changes (then nothing is written).
 */
export async function transactOne(
  ctx: EngineContext,
  target: { id: string; expectRevision?: number },
  decide: (b: Binding, view: StateView, facts: HostFacts) => Promise<Binding | null>,
  opts: { rails: RailOptions },
): Promise<ChangeReport & { binding: Binding }> {
  return ctx.store.withLock(async () => {
    const reading = hostFacts(ctx);
    reading.catch(() => undefined);
    let view = await ctx.store.view();
    const facts = await reading;
    if (!view.binding(target.id)) {
      // An unknown id: its message lists every id, so the whole state is read (and serves as the view).
      const whole = await view.whole();
      findBinding(whole, target.id, facts.hostname);
      view = wholeView(whole);
    }
    const b = checkRevision(view.binding(target.id)!, target.expectRevision);
    // A binding exists, so the state is in use: the backend it records serves it.
    const backend = backendOf(ctx, { backend: view.backend, bindings: [b], exposed: view.exposed });
    const after = await decide(b, view, facts);
    const warnings = hostWarnings(facts, 1); // (the binding exists)
    if (!after) return { changes: [], script: '', warnings, binding: b };
    const changes = [{ op: 'rebind' as const, id: b.id, before: b, after }];
    warnings.unshift(...(await enforceRails(ctx, backend, changes, facts, opts.rails)));
    const near = view.atFront(b.proto, b.front.port);
    const part = (bindings: readonly Binding[]): HostState => ({ version: 1, backend: backend.name, bindings: [...bindings], exposed: [...view.exposed] });
    const applied = await backend.apply({
      before: part(near),
      next: part(near.map((x) => (x.id === b.id ? after : x))),
      changes,
      sync: 'changes',
      whole: async () => {
        const before = { ...(await view.whole()), backend: backend.name };
        return { before, next: replaceBinding(before, after) };
      },
    });
    await saveOrUndo(applied, () => ctx.store.replace(view, after));
    return { changes, script: applied.script, warnings, binding: after };
  });
}
