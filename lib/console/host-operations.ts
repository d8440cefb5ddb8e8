import { runEngine } from '@/lib/hosts';
import { mayChangeHost, type User } from '@/lib/auth/user';
import { recordIntent, recordOutcome, recordRefusal, type AuditIntent } from '@/lib/audit';
import type { BindingSpec } from '@/lib/engine/model/binding';
import type { ChangeReport, ExposeReport, ListReport } from '@/lib/engine/model/report';
import { addArgs, exposeArgs, planDocument, rebindArgs, removeArgs } from './engine-args';
import { readEngineOutcome, type EngineOutcome } from './engine-outcome';
import type { Inventory } from './inventory';
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
  const audit: AuditIntent = { username: ctx.user.username, address: ctx.address, host: hostName, action: c.action, binding: c.binding ?? null, targetAfter: c.targetAfter ?? null, args: c.args };
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
  change(ctx, hostName, { action: spec.kind, binding: spec.id, targetAfter: spec.to, args: addArgs(spec) });

/** Point a binding at a new target, refused if it changed since `revision`. */
export const rebindBinding = (ctx: OperationContext, hostName: string, id: string, to: string, revision: number): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'rebind', binding: id, targetAfter: to, args: rebindArgs(id, to, revision), targetBefore: (h) => currentTarget(h, id) });

/** Remove a binding, refused if it changed since `revision`. */
export const removeBinding = (ctx: OperationContext, hostName: string, id: string, revision: number): Promise<EngineOutcome<ChangeReport>> =>
  change(ctx, hostName, { action: 'remove', binding: id, args: removeArgs(id, revision), targetBefore: (h) => currentTarget(h, id) });

/** Give the host an address on the overlay (the seed's `weave expose`). */
export const exposeHost = (ctx: OperationContext, hostName: string, cidr: string, bridge?: string, name?: string): Promise<EngineOutcome<ExposeReport>> =>
  change(ctx, hostName, { action: 'expose', targetAfter: cidr, args: exposeArgs(cidr, bridge, name) });
