import type { Binding, BindingSpec } from '../model/binding';
import type { Change, ChangeReport } from '../model/report';
import { bindingFromSpec, sameBinding } from './binding-from-spec';
import { checkConflicts, checkFrontExists, frontIndex } from './conflicts';
import type { EngineContext } from './context';
import type { RailOptions } from './rails';
import { transact } from './transact';

/**
 * `plan --file` / `apply --file`: make this host's bindings exactly `specs`. Unchanged bindings
 * keep their revision; every new or changed one is checked like a single export/import would be.
 */
export async function applyDesired(ctx: EngineContext, specs: BindingSpec[], opts: { dryRun: boolean; rails: RailOptions }): Promise<ChangeReport> {
  const r = await transact(
    ctx,
    async (state, facts) => {
      const changes: Change[] = [];
      const next: Binding[] = [];
      const stored = new Map(state.bindings.map((b) => [b.id, b]));
      for (const [i, spec] of specs.entries()) {
        const before = stored.get(spec.id);
        const candidate = await bindingFromSpec(ctx.runner, spec, (before?.revision ?? 0) + 1, `bindings[${i}].to`);
        if (before && sameBinding(before, candidate)) {
          next.push(before);
          continue;
        }
        checkFrontExists(candidate, facts);
        next.push(candidate);
        const onlyTarget = before && sameBinding({ ...before, target: candidate.target }, candidate);
        changes.push(before ? { op: onlyTarget ? 'rebind' : 'update', id: spec.id, before, after: candidate } : { op: 'add', id: spec.id, after: candidate });
      }
      const index = frontIndex(next);
      for (const c of changes) checkConflicts(c.after!, index, facts);
      const wanted = new Set(specs.map((s) => s.id));
      for (const b of state.bindings) if (!wanted.has(b.id)) changes.push({ op: 'remove', id: b.id, before: b });
      return { next: { ...state, bindings: next }, changes };
    },
    { ...opts, sync: 'full' },
  );
  return { changes: r.changes, script: r.script, warnings: r.warnings };
}
