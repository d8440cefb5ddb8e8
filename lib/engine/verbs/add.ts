import { EngineError } from '../errors';
import type { BindingSpec } from '../model/binding';
import type { ChangeReport } from '../model/report';
import { bindingFromSpec } from './binding-from-spec';
import { checkConflicts, checkFrontExists, frontIndex } from './conflicts';
import type { EngineContext } from './context';
import type { RailOptions } from './rails';
import { transact } from './transact';

/** `export` / `import`: add one binding; refuses an existing id, a bound front or a loop. */
export async function addBinding(ctx: EngineContext, spec: BindingSpec, rails: RailOptions): Promise<ChangeReport> {
  const r = await transact(ctx, async (state, facts) => {
    if (state.bindings.some((b) => b.id === spec.id)) {
      throw new EngineError('conflict', `id: a binding "${spec.id}" already exists on ${facts.hostname}`, { field: 'id' });
    }
    const b = await bindingFromSpec(ctx.runner, spec, 1);
    checkFrontExists(b, facts);
    checkConflicts(b, frontIndex(state.bindings), facts);
    return { next: { ...state, bindings: [...state.bindings, b] }, changes: [{ op: 'add', id: b.id, after: b }] };
  }, { rails });
  return { changes: r.changes, script: r.script, warnings: r.warnings, binding: r.changes[0].after };
}
