import type { ChangeReport } from '../model/report';
import type { EngineContext } from './context';
import { findBinding } from './find-binding';
import { transact } from './transact';

/** `remove`: delete a binding and its chain; established flows end on their own. */
export async function removeBinding(ctx: EngineContext, id: string, expectRevision?: number): Promise<ChangeReport> {
  const r = await transact(ctx, async (state, facts) => {
    const b = findBinding(state, id, facts.hostname, expectRevision);
    return { next: { ...state, bindings: state.bindings.filter((x) => x.id !== id) }, changes: [{ op: 'remove', id, before: b }] };
  });
  return { changes: r.changes, script: r.script, warnings: r.warnings };
}
