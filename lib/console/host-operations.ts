import { runEngine } from '@/lib/hosts';
import type { BindingSpec } from '@/lib/engine/model/binding';
import type { ChangeReport, ExposeReport, ListReport } from '@/lib/engine/model/report';
import { appendAudit } from './audit-log';
import { addArgs, exposeArgs, planDocument, rebindArgs, removeArgs } from './engine-args';
import { readEngineOutcome, type EngineOutcome } from './engine-outcome';
import type { Inventory } from './inventory';
import type { Role } from './role';

/** Who is asking, and of which network. */
export interface OperationContext {
  inventory: Inventory;
  role: Role;
}

function hostOf(ctx: OperationContext, name: string) {
  return ctx.inventory.hosts.find((h) => h.name === name);
}

const noSuchHost = (name: string): EngineOutcome<never> => ({ ok: false, code: 'bad-input', field: 'host', message: `Host: there is no host "${name}"` });

// Every change goes through here: run it on the host, read the answer, and write the audit line.
async function change<T>(ctx: OperationContext, hostName: string, action: string, args: string[], input?: string): Promise<EngineOutcome<T>> {
  const host = hostOf(ctx, hostName);
  if (!host) return noSuchHost(hostName);
  const outcome = readEngineOutcome<T>(hostName, await runEngine(host, args, input));
  await appendAudit({
    role: ctx.role,
    host: hostName,
    action,
    args,
    outcome: outcome.ok ? 'ok' : outcome.code === 'host-failure' || outcome.code === 'unreachable' ? 'failed' : 'refused',
    ...(outcome.ok ? {} : { message: outcome.message }),
  });
  return outcome;
}

/** What adding `spec` to the host would change (`plan --file -` over its whole binding set); changes nothing. */
export async function planBinding(ctx: OperationContext, hostName: string, spec: BindingSpec): Promise<EngineOutcome<ChangeReport>> {
  const host = hostOf(ctx, hostName);
  if (!host) return noSuchHost(hostName);
  const listed = readEngineOutcome<ListReport>(hostName, await runEngine(host, ['list']));
  if (!listed.ok) return listed;
  if (listed.report.bindings.some((b) => b.id === spec.id)) {
    return { ok: false, code: 'conflict', field: 'id', message: `Id: a binding "${spec.id}" already exists on ${hostName}` };
  }
  return readEngineOutcome<ChangeReport>(hostName, await runEngine(host, ['plan', '--file', '-'], planDocument(listed.report.bindings, spec)));
}

/** Create an export or import on the host. */
export const addBinding = (ctx: OperationContext, hostName: string, spec: BindingSpec): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, spec.kind, addArgs(spec));

/** Point a binding at a new target, refused if it changed since `revision`. */
export const rebindBinding = (ctx: OperationContext, hostName: string, id: string, to: string, revision: number): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, 'rebind', rebindArgs(id, to, revision));

/** Remove a binding, refused if it changed since `revision`. */
export const removeBinding = (ctx: OperationContext, hostName: string, id: string, revision: number): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, 'remove', removeArgs(id, revision));

/** Give the host an address on the overlay (the seed's `weave expose`). */
export const exposeHost = (ctx: OperationContext, hostName: string, cidr: string, bridge?: string, name?: string): Promise<EngineOutcome<ExposeReport>> =>
  change(ctx, hostName, 'expose', exposeArgs(cidr, bridge, name));
