import { resolveName } from '../host/resolve';
import type { Binding, BindingSpec } from '../model/binding';
import { parseTarget } from '../model/validate';
import type { CommandRunner } from '../runner/command-runner';

/** Turn a validated spec into a binding, resolving its target name on this host. */
export async function bindingFromSpec(runner: CommandRunner, spec: BindingSpec, revision: number, field = 'to'): Promise<Binding> {
  const t = parseTarget(field, spec.to);
  return {
    id: spec.id,
    kind: spec.kind,
    proto: spec.proto,
    front: spec.kind === 'export' ? { port: spec.port, ...(spec.in ? { iface: spec.in } : {}) } : { port: spec.port, address: spec.on },
    target: { name: t.name, address: await resolveName(runner, t.name, field), port: t.port },
    masquerade: spec.masquerade,
    revision,
  };
}

/** The spec a stored binding was made from (for plan/apply round trips and the console). */
export function specOf(b: Binding): BindingSpec {
  return {
    id: b.id,
    kind: b.kind,
    proto: b.proto,
    port: b.front.port,
    ...(b.front.iface ? { in: b.front.iface } : {}),
    ...(b.front.address ? { on: b.front.address } : {}),
    to: `${b.target.name}:${b.target.port}`,
    masquerade: b.masquerade,
  };
}

/** Same binding apart from its revision. */
export const sameBinding = (a: Binding, b: Binding): boolean => JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });
