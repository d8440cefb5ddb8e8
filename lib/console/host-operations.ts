import { runEngine } from '@/lib/hosts';
import { hideArgs } from './engine-args';
import { addressInUse, addressUsers } from './address-users';
import type { RouteHostOperations } from './route-change';
import { mayChangeHost, type User } from '@/lib/auth/user';
import { recordIntent, recordOutcome, recordRefusal, type AuditIntent } from '@/lib/audit';
import type { Binding, BindingSpec } from '@/lib/engine/model/binding';
import type { ChangeReport, ExposeReport, ListReport } from '@/lib/engine/model/report';
import { addArgs, adoptArgs, exposeArgs, planDocument, rebindArgs, removeArgs, repairArgs } from './engine-args';
import { readEngineOutcome, type EngineOutcome } from './engine-outcome';
import type { Inventory } from './inventory';
import type { ChangeReason } from './input/field-schemas';
import { specOf } from '@/lib/engine';
import { consoleMetrics } from './metrics';

/** Who is asking (the signed-in user and their address), and of which network. */
export interface OperationContext {
  inventory: Inventory;
  user: User;
  address: string;
}

type HostConnection = Inventory['hosts'][number];

function hostOf(ctx: OperationContext, name: string): HostConnection | undefined {
  return ctx.inventory.hosts.find((h) => h.name === name);
}

const noSuchHost = (name: string): EngineOutcome<never> => ({ ok: false, code: 'not-found', field: 'host', message: `Host: there is no host "${name}"` });

/** What a change is, for the audit trail, before the host is asked. */
interface ChangeIntent {
  action: string;
  binding?: string;
  targetAfter?: string;
  args: string[];
  input?: string;
  /** Looks up the binding's current target on the host (rebind, remove). */
  targetBefore?: (host: HostConnection) => Promise<string | null>;
  /** The change takes another back (Undo, "Revert to this"): the audit's action says so, e.g. `rebind (undo)`. */
  reason?: ChangeReason;
}

const targetOf = (b: { target: { name: string; port: number } }): string => `${b.target.name}:${b.target.port}`;

/** A binding's current target as the host reports it, or null when it cannot tell. */
async function currentTarget(host: HostConnection, id: string): Promise<string | null> {
  const listed = readEngineOutcome<ListReport>(host.name, await runEngine(host, ['list']));
  const binding = listed.ok ? listed.report.bindings.find((b) => b.id === id) : undefined;
  return binding ? targetOf(binding) : null;
}

/**
 * Every change goes through here: refuse unknown hosts and hosts the user may not change (recorded),
 * write the intent, and only then ask the host; then record how it ended. If the intent cannot be
 * written, the host is never asked. A change the host made is timed from here to its answer (the
 * network-programming latency `/metrics` exports).
 */
async function change<T>(ctx: OperationContext, hostName: string, c: ChangeIntent): Promise<EngineOutcome<T>> {
  const requestedAt = performance.now();
  const audit: AuditIntent = { username: ctx.user.username, address: ctx.address, host: hostName, action: c.reason ? `${c.action} (${c.reason})` : c.action, binding: c.binding ?? null, targetAfter: c.targetAfter ?? null, args: c.args };
  const host = hostOf(ctx, hostName);
  if (!host) {
    const refusal = noSuchHost(hostName);
    if (!refusal.ok) recordRefusal(audit, refusal.message);
    return refusal;
  }
  if (!mayChangeHost(ctx.user, hostName)) {
    const message = `You are signed in as ${ctx.user.username} (${ctx.user.role}), who may not change ${hostName}.`;
    recordRefusal(audit, message);
    return { ok: false, code: 'forbidden', message };
  }
  const targetBefore = c.targetBefore ? await c.targetBefore(host) : null;
  let intentId: number;
  try {
    intentId = recordIntent({ ...audit, targetBefore });
  } catch (e) {
    return { ok: false, code: 'audit-unavailable', message: `Nothing changed: ${e instanceof Error ? e.message : String(e)}. Ask an administrator to check the console's data directory.` };
  }
  const outcome = readEngineOutcome<T>(hostName, await runEngine(host, c.args, c.input));
  if (outcome.ok) consoleMetrics().observeChange((performance.now() - requestedAt) / 1000);
  try {
    const before = outcome.ok ? (outcome.report as Partial<ChangeReport>).changes?.find((ch) => ch.before)?.before : undefined;
    const result = outcome.ok ? 'ok' : outcome.code === 'host-failure' || outcome.code === 'unreachable' ? 'failed' : 'refused';
    recordOutcome(intentId, result, { ...(outcome.ok ? {} : { message: outcome.message }), targetBefore: before ? targetOf(before) : null });
  } catch (e) {
    // The host has answered; the intent row stays "pending", which is what the trail can truthfully say.
    console.error(`switchyard: could not record the outcome of audit entry ${intentId}:`, e);
  }
  return outcome;
}

/**
 * Take an exposed address away again (`hide`), refused while a binding uses it: imports on it, as the
 * host itself lists them now, and bindings of other hosts aimed at it (`elsewhere`, as last reported).
 */
export async function hideAddress(ctx: OperationContext, hostName: string, cidr: string, elsewhere: readonly { name: string; bindings: readonly Binding[] }[]): Promise<EngineOutcome<ExposeReport>> {
  const host = hostOf(ctx, hostName);
  if (host && mayChangeHost(ctx.user, hostName)) {
    const listed = readEngineOutcome<ListReport>(hostName, await runEngine(host, ['list']));
    if (!listed.ok) return listed;
    const address = cidr.split('/')[0]!;
    const users = addressUsers(address, hostName, [{ name: hostName, bindings: listed.report.bindings }, ...elsewhere.filter((h) => h.name !== hostName)]);
    if (users.length) {
      const message = addressInUse(address, hostName, users);
      recordRefusal({ username: ctx.user.username, address: ctx.address, host: hostName, action: 'hide', binding: null, targetAfter: cidr, args: hideArgs(cidr) }, message);
      return { ok: false, code: 'conflict', field: 'cidr', message };
    }
  }
  return change(ctx, hostName, { action: 'hide', targetAfter: cidr, args: hideArgs(cidr) });
}

/** The route change's steps on these hosts: each one authorised per host and audited as its own change. */
export const routeOperations = (ctx: OperationContext, reason?: ChangeReason): RouteHostOperations => ({
  plan: (host, spec) => planBinding(ctx, host, spec),
  add: (host, spec) => addBinding(ctx, host, spec, reason),
  remove: (host, id, revision) => removeBinding(ctx, host, id, revision, reason),
});

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

/** What pointing binding `id` at `to` would change on the host (`plan --file -`); changes nothing. */
export async function planRebind(ctx: OperationContext, hostName: string, id: string, to: string): Promise<EngineOutcome<ChangeReport>> {
  const host = hostOf(ctx, hostName);
  if (!host) return noSuchHost(hostName);
  const listed = readEngineOutcome<ListReport>(hostName, await runEngine(host, ['list']));
  if (!listed.ok) return listed;
  if (!listed.report.bindings.some((b) => b.id === id)) return { ok: false, code: 'not-found', field: 'id', message: `Id: ${hostName} has no binding "${id}"` };
  const specs = listed.report.bindings.map((b) => (b.id === id ? { ...specOf(b), to } : specOf(b)));
  return readEngineOutcome<ChangeReport>(hostName, await runEngine(host, ['plan', '--file', '-'], JSON.stringify({ bindings: specs })));
}

/** Create an export or import on the host. */
export const addBinding = (ctx: OperationContext, hostName: string, spec: BindingSpec, reason?: ChangeReason): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: spec.kind, binding: spec.id, targetAfter: spec.to, args: addArgs(spec), reason });

/** Point a binding at a new target, refused if it changed since `revision`. */
export const rebindBinding = (ctx: OperationContext, hostName: string, id: string, to: string, revision: number, reason?: ChangeReason): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'rebind', binding: id, targetAfter: to, args: rebindArgs(id, to, revision), targetBefore: (h) => currentTarget(h, id), reason });

/** Remove a binding, refused if it changed since `revision`. */
export const removeBinding = (ctx: OperationContext, hostName: string, id: string, revision: number, reason?: ChangeReason): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'remove', binding: id, args: removeArgs(id, revision), targetBefore: (h) => currentTarget(h, id), reason });

/** Give the host an address on the overlay (the seed's `weave expose`). */
export const exposeHost = (ctx: OperationContext, hostName: string, cidr: string, bridge?: string, name?: string): Promise<EngineOutcome<ExposeReport>> =>
  change(ctx, hostName, { action: 'expose', targetAfter: cidr, args: exposeArgs(cidr, bridge, name) });

/** Re-apply one drifted binding's rules (its missing rules back, unexpected ones gone); nothing else is touched. */
export const repairBinding = (ctx: OperationContext, hostName: string, id: string): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'repair', binding: id, args: repairArgs(id), targetBefore: (h) => currentTarget(h, id) });

/** Turn a foreign DNAT rule (`ref`, as the host's status lists it) into a binding with the id the operator chose. */
export const adoptForeignRule = (ctx: OperationContext, hostName: string, ref: string, id: string, target?: string): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'adopt', binding: id, ...(target ? { targetAfter: target } : {}), args: adoptArgs(ref, id) });
