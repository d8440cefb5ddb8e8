// A route is two bindings on two hosts made as one change: the import on the host that reaches the
// service, then the export on the entry host aimed at that import's front. This module only orders
// the steps and undoes the first when the second is refused; the host operations are handed in.
import type { BindingSpec, ChangeReport, Proto } from './topology';
import type { EngineOutcome } from './engine-outcome';

/** What a route needs: where outside clients enter, the service, and the exposed front it is imported through. */
export interface RouteRequest {
  id: string;
  proto: Proto;
  masquerade: boolean;
  /** The entry host and its outside front (an empty interface means every interface). */
  entry: { host: string; iface?: string; port: number };
  /** The service to reach, as the import host resolves it: `NAME_OR_IP:PORT`. */
  service: string;
  /** The host that reaches the service, and the exposed address and port the import listens on. */
  through: { host: string; address: string; port: number };
}

/** The steps a route change takes, each authorised and audited by whoever implements them. */
export interface RouteHostOperations {
  plan(host: string, spec: BindingSpec): Promise<EngineOutcome<ChangeReport>>;
  add(host: string, spec: BindingSpec): Promise<EngineOutcome<ChangeReport>>;
  remove(host: string, id: string, revision: number): Promise<EngineOutcome<ChangeReport>>;
}

/** One half of a route: its host and binding spec. */
export interface RouteHalf {
  host: string;
  spec: BindingSpec;
}

/** The import is named after the route, so both halves are found together in the graph and the audit trail. */
export const importIdOf = (routeId: string): string => `${routeId}-in`;

/** The import (on `through.host`) and the export (on `entry.host`) a route is made of. */
export function routeHalves(r: RouteRequest): { import: RouteHalf; export: RouteHalf } {
  return {
    import: {
      host: r.through.host,
      spec: { id: importIdOf(r.id), kind: 'import', proto: r.proto, port: r.through.port, on: r.through.address, to: r.service, masquerade: r.masquerade },
    },
    export: {
      host: r.entry.host,
      spec: {
        id: r.id,
        kind: 'export',
        proto: r.proto,
        port: r.entry.port,
        ...(r.entry.iface ? { in: r.entry.iface } : {}),
        to: `${r.through.address}:${r.through.port}`,
        masquerade: r.masquerade,
      },
    },
  };
}

type Failure = Extract<EngineOutcome<unknown>, { ok: false }>;

/** Both plans, import host first; the first refusal names the host that refused. */
export type RoutePlan =
  | { ok: true; plans: { host: string; plan: ChangeReport }[] }
  | { ok: false; host: string; failure: Failure; message: string };

/** How a route change ended. `leftBehind` names a half that is still on its host after a failed change. */
export type RouteOutcome =
  | { ok: true; import: ChangeReport; export: ChangeReport; message: string }
  | { ok: false; failedHost: string; failure: Failure; leftBehind: RouteHalf | null; message: string };

const describe = (h: RouteHalf): string => `${h.spec.kind} ${h.spec.id} on ${h.host}`;

/** What both hosts would change; nothing is changed. */
export async function planRoute(ops: RouteHostOperations, r: RouteRequest): Promise<RoutePlan> {
  const halves = routeHalves(r);
  const plans: { host: string; plan: ChangeReport }[] = [];
  for (const half of [halves.import, halves.export]) {
    const planned = await ops.plan(half.host, half.spec);
    if (!planned.ok) return { ok: false, host: half.host, failure: planned, message: `${half.host} would refuse the ${half.spec.kind}: ${planned.message}` };
    plans.push({ host: half.host, plan: planned.report });
  }
  return { ok: true, plans };
}

/** How creating several bindings as one change ended: on a refusal, which were removed again and which could not be. */
export type CreationOutcome =
  | { ok: true; reports: ChangeReport[] }
  | { ok: false; refused: RouteHalf; failure: Failure; undone: RouteHalf[]; leftBehind: { half: RouteHalf; message: string }[] };

/**
 * Create bindings one after another, in the order given, as one change: when a host refuses one, the
 * ones made before it are removed again (newest first), so nothing is left half-done unless a removal
 * fails too, which the outcome says.
 */
export async function createAll(ops: RouteHostOperations, halves: readonly RouteHalf[]): Promise<CreationOutcome> {
  const made: { half: RouteHalf; revision: number }[] = [];
  const reports: ChangeReport[] = [];
  for (const half of halves) {
    const added = await ops.add(half.host, half.spec);
    if (added.ok) {
      const revision = added.report.binding?.revision ?? added.report.changes.find((c) => c.id === half.spec.id)?.after?.revision ?? 1;
      made.push({ half, revision });
      reports.push(added.report);
      continue;
    }
    const undone: RouteHalf[] = [];
    const leftBehind: { half: RouteHalf; message: string }[] = [];
    for (const m of [...made].reverse()) {
      const removed = await ops.remove(m.half.host, m.half.spec.id, m.revision);
      if (removed.ok) undone.push(m.half);
      else leftBehind.push({ half: m.half, message: removed.message });
    }
    return { ok: false, refused: half, failure: added, undone, leftBehind };
  }
  return { ok: true, reports };
}

/**
 * Create the route: the import first (so the export has a live target), then the export. If the
 * export is refused, the import is removed again; if even that fails, the outcome says so.
 */
export async function createRoute(ops: RouteHostOperations, r: RouteRequest): Promise<RouteOutcome> {
  const halves = routeHalves(r);
  const created = await createAll(ops, [halves.import, halves.export]);
  if (created.ok) {
    return { ok: true, import: created.reports[0]!, export: created.reports[1]!, message: `Created route ${r.id}: ${describe(halves.export)} → ${describe(halves.import)}.` };
  }
  const failedHost = created.refused.host;
  if (created.refused === halves.import) {
    return { ok: false, failedHost, failure: created.failure, leftBehind: null, message: `Nothing changed: ${failedHost} refused the import. ${created.failure.message}` };
  }
  const refused = `${failedHost} refused the export. ${created.failure.message}`;
  const stuck = created.leftBehind[0];
  if (!stuck) {
    return { ok: false, failedHost, failure: created.failure, leftBehind: null, message: `Nothing changed: ${refused} The import made first on ${halves.import.host} was removed again.` };
  }
  return {
    ok: false,
    failedHost,
    failure: created.failure,
    leftBehind: halves.import,
    message: `The route was not created: ${refused} Removing the import ${halves.import.spec.id} from ${halves.import.host} again failed too (${stuck.message}), so it is still there: remove it yourself.`,
  };
}

const halfNames = (hs: readonly RouteHalf[]): string => hs.map((h) => `${h.spec.id} on ${h.host}`).join(' and ');

/** Re-create removed bindings (a route's halves, import first) as one change; the outcome in plain words. */
export async function recreateAll(ops: RouteHostOperations, halves: readonly RouteHalf[]): Promise<{ ok: boolean; failure?: Failure; message: string }> {
  const created = await createAll(ops, halves);
  if (created.ok) return { ok: true, message: `Re-created ${halfNames(halves)}.` };
  const refused = `${created.refused.host} refused to create ${created.refused.spec.id}: ${created.failure.message}`;
  if (created.leftBehind.length === 0) {
    const undone = created.undone.length ? ` ${halfNames(created.undone)}, made first, ${created.undone.length === 1 ? 'was' : 'were'} removed again.` : '';
    return { ok: false, failure: created.failure, message: `Nothing changed: ${refused}${undone}` };
  }
  const stuck = created.leftBehind.map((l) => `${l.half.spec.id} from ${l.half.host} (${l.message})`).join(', ');
  return { ok: false, failure: created.failure, message: `Not all re-created: ${refused} Removing ${stuck} again failed too, so it is still there: remove it yourself.` };
}

/** A binding to remove as part of a route, at the revision the operator saw. */
export interface RouteMember {
  host: string;
  id: string;
  revision: number;
}

/** How removing a route's bindings ended: which went, and the first refusal if any. */
export type RouteRemoval =
  | { ok: true; removed: RouteMember[]; message: string }
  | { ok: false; removed: RouteMember[]; failure: Failure; message: string };

const names = (ms: readonly RouteMember[]): string => ms.map((m) => `${m.id} from ${m.host}`).join(' and ');

/**
 * Remove a route's bindings in the order given (the entry export before the import it points at, so no
 * export is left aimed at nothing); stops at the first refusal and says what was already removed.
 */
export async function removeRoute(ops: RouteHostOperations, members: readonly RouteMember[]): Promise<RouteRemoval> {
  const removed: RouteMember[] = [];
  for (const m of members) {
    const r = await ops.remove(m.host, m.id, m.revision);
    if (!r.ok) {
      const rest = members.filter((x) => !removed.includes(x)).map((x) => `${x.id} on ${x.host}`);
      const done = removed.length ? `Removed ${names(removed)}, but ` : 'Nothing changed: ';
      return { ok: false, removed, failure: r, message: `${done}${m.host} refused to remove ${m.id}: ${r.message} Still there: ${rest.join(' and ')}.` };
    }
    removed.push(m);
  }
  return { ok: true, removed, message: `Removed ${names(removed)}.` };
}
