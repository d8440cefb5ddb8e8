import { EngineError } from '../errors';
import type { ChangeReport, ForeignRule } from '../model/report';
import { parseBindingSpec } from '../model/validate';
import { bindingFromSpec } from './binding-from-spec';
import { checkConflicts, checkFrontExists, frontIndex } from './conflicts';
import { backendOf, type EngineContext } from './context';
import { transact } from './transact';

/** `adopt --json`: the change report, and the foreign rule that left in the same transaction. */
export interface AdoptReport extends ChangeReport {
  adopted: ForeignRule;
}

/** The foreign rule `ref` names: its `ref` as `status` lists it, or the id it is adoptable as. */
export function pickForeign(foreign: readonly ForeignRule[], ref: string, hostname: string): ForeignRule {
  const byRef = foreign.filter((f) => f.ref === ref);
  const found = byRef.length ? byRef : foreign.filter((f) => f.adoptAs?.id === ref);
  if (found.length === 0) {
    const known = foreign.map((f) => f.ref + (f.adoptAs ? ` (${f.adoptAs.id})` : '')).join(', ') || 'none';
    throw new EngineError('unknown-id', `ref: no foreign DNAT rule "${ref}" on ${hostname} (foreign rules: ${known})`, { field: 'ref' });
  }
  if (found.length > 1) throw new EngineError('bad-input', `ref: "${ref}" names ${found.length} rules; use the ref \`switchyard status\` lists`, { field: 'ref' });
  const f = found[0];
  if (!f.adoptAs) throw new EngineError('conflict', `ref: ${f.ref} (${f.rule}) cannot be adopted: ${f.reason ?? 'no binding expresses it'}`, { field: 'ref' });
  return f;
}

/**
 * `adopt REF --id ID`: turn another tool's DNAT rule into a binding. One transaction removes that
 * rule and adds the binding's rules, so no new connection finds neither; established flows keep
 * their NAT. The one time Switchyard deletes a rule it does not own, and only when asked to.
 */
export async function adopt(ctx: EngineContext, ref: string, id: string): Promise<AdoptReport> {
  let adopted: ForeignRule | undefined;
  const r = await transact(ctx, async (state, facts) => {
    const seen = await backendOf(ctx, state).observe([], { foreign: true });
    const f = pickForeign(seen.foreign, ref, facts.hostname);
    if (state.bindings.some((b) => b.id === id)) throw new EngineError('conflict', `id: a binding "${id}" already exists on ${facts.hostname}`, { field: 'id' });
    const spec = parseBindingSpec({ ...f.adoptAs!, id });
    const b = await bindingFromSpec(ctx.runner, spec, 1);
    checkFrontExists(b, facts);
    checkConflicts(b, frontIndex(state.bindings), facts);
    adopted = f;
    return { next: { ...state, bindings: [...state.bindings, b] }, changes: [{ op: 'add', id: b.id, after: b }], release: f };
  });
  return { changes: r.changes, script: r.script, warnings: r.warnings, binding: r.changes[0].after, adopted: adopted! };
}
