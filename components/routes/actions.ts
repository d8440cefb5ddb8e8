'use server';

import { requireUser, type User } from '@/lib/auth';
import { routeOperations } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { createRoute, planRoute, recreateAll, removeRoute, type RouteMember } from '@/lib/console/route-change';
import { recreationSchema, routeInputSchema, routeLabels, routeRemovalSchema, routeRequestOf, routeFieldLabel } from '@/lib/console/input/route-input';
import { bindingLabels, bindingSpecOf } from '@/lib/console/input/binding-input';
import { invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';
import { refreshAfterChange } from '@/lib/console/hub-views';
import type { HostView } from '@/lib/console/topology';
import type { RoutePlans } from './route-plans';

/** A route action's result: an action result, with both hosts' plans when it planned. */
export type RouteActionResult = ActionResult & { plans?: RoutePlans };

/** requireUser for every host a route change touches, before anything is asked or changed. */
async function mayChangeAll(hosts: readonly string[], action: string, binding?: string): Promise<ActionResult | null> {
  for (const host of new Set(hosts)) {
    try {
      await requireUser('operator', host);
    } catch (e) {
      return authRefusal(e, { action, host, binding });
    }
  }
  return null;
}

/** A host's refusal of one half, marking the route form's field it names. */
function refusalOf(failure: { message: string; field?: string }, message: string, half: 'import' | 'export'): ActionResult {
  const label = routeFieldLabel(half, failure.field);
  return { ok: false, message, errors: label ? { [label]: [failure.message] } : {} };
}

const refreshed = async (hosts: readonly string[]): Promise<HostView[]> => (await Promise.all([...new Set(hosts)].map((h) => refreshAfterChange(h)))).flat();

/** Show what the route would change on both hosts; changes nothing. */
export async function previewRouteAction(input: unknown): Promise<RouteActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'preview route' }, input);
  }
  const parsed = routeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, routeLabels);
  const request = routeRequestOf(parsed.data);
  const refused = await mayChangeAll([request.through.host, request.entry.host], 'preview route', request.id);
  if (refused) return refused;
  const plan = await planRoute(routeOperations(await operationContext(user)), request);
  if (!plan.ok) return refusalOf(plan.failure, plan.message, plan.host === request.through.host ? 'import' : 'export');
  return { ok: true, message: `Plan for route ${request.id}: ${plan.plans.map((p) => `${p.plan.changes.length} change${p.plan.changes.length === 1 ? '' : 's'} on ${p.host}`).join(', ')}.`, plans: plan.plans };
}

/** Create the route: the import on the host that reaches the service, then the export on the entry host; undone if refused. */
export async function createRouteAction(input: unknown): Promise<RouteActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'route' }, input);
  }
  const parsed = routeInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'route' }, invalidInput(parsed.error, routeLabels));
  const request = routeRequestOf(parsed.data);
  const hosts = [request.through.host, request.entry.host];
  // Both hosts are checked before either is changed.
  const refused = await mayChangeAll(hosts, 'route', request.id);
  if (refused) return refused;
  const outcome = await createRoute(routeOperations(await operationContext(user)), request);
  if (!outcome.ok) {
    const half = outcome.failedHost === request.through.host ? 'import' : 'export';
    return { ...refusalOf(outcome.failure, outcome.message, half), hosts: await refreshed(hosts) };
  }
  return { ok: true, message: outcome.message, hosts: await refreshed(hosts) };
}

/** A route removal's result, naming the bindings that went (all of them, or those removed before a host refused). */
export type RouteRemovalResult = ActionResult & { removed?: RouteMember[] };

/** Remove a route's bindings (the export first, then the import it points at). */
export async function removeRouteAction(input: unknown): Promise<RouteRemovalResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'remove route' }, input);
  }
  const parsed = routeRemovalSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'remove route' }, invalidInput(parsed.error, { members: 'Bindings' }));
  const { members } = parsed.data;
  const hosts = members.map((m) => m.host);
  const refused = await mayChangeAll(hosts, 'remove', members[0]!.id);
  if (refused) return refused;
  const outcome = await removeRoute(routeOperations(await operationContext(user)), members);
  if (!outcome.ok) return { ok: false, message: outcome.message, errors: {}, hosts: await refreshed(hosts), removed: outcome.removed };
  return { ok: true, message: outcome.message, hosts: await refreshed(hosts), removed: outcome.removed };
}

/** Make removed bindings again as one change (a removed route's undo: the import, then the export); if a host refuses one, those made before it are removed again. */
export async function recreateBindingsAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'create' }, input);
  }
  const parsed = recreationSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'create' }, invalidInput(parsed.error, bindingLabels));
  const halves = parsed.data.bindings.map((b) => ({ host: b.host, spec: bindingSpecOf(b) }));
  const hosts = halves.map((h) => h.host);
  const refused = await mayChangeAll(hosts, 'create', halves[0]!.spec.id);
  if (refused) return refused;
  const outcome = await recreateAll(routeOperations(await operationContext(user), parsed.data.reason), halves);
  if (!outcome.ok) return { ok: false, message: outcome.message, errors: {}, hosts: await refreshed(hosts) };
  return { ok: true, message: outcome.message, hosts: await refreshed(hosts) };
}
