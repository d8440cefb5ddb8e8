import type { BindingReport, HostView } from '@/lib/console/topology';
import { frontText, targetText } from '@/components/graph/binding-label';

/** A change the console applied, with what its inverse needs to know. */
export type AppliedChange =
  | { kind: 'rebind'; host: string; id: string; from: string; to: string }
  | { kind: 'remove'; host: string; binding: BindingReport }
  /** A route's bindings removed together, in the order they went (exports first, then the import). */
  | { kind: 'remove-route'; removed: { host: string; binding: BindingReport }[] }
  | { kind: 'create'; host: string; id: string }
  /** A route's bindings created together, in the order they were made (the import, then the export). */
  | { kind: 'create-route'; created: { host: string; id: string }[] };

/** A binding to create again, as createBinding takes it. */
export type Recreation = {
  action: 'create';
  host: string;
  id: string;
  kind: BindingReport['kind'];
  iface?: string;
  address?: string;
  port: number;
  proto: BindingReport['proto'];
  target: string;
  masquerade: boolean;
};

/**
 * A change as the server actions take it (rebindAction, removeAction, createBinding, and
 * recreateBindingsAction for several bindings made as one change), so it is authorised and audited
 * like any other. `host` and `id` name the binding the change is about.
 */
export type InverseChange =
  | { action: 'rebind'; host: string; id: string; target: string; revision: number }
  | { action: 'remove'; host: string; id: string; revision: number }
  | Recreation
  | { action: 'create-all'; host: string; id: string; bindings: Recreation[] };

/** The inverse of a change (one step, or several run in order), or why there is none. */
export type Inverse = { ok: true; inverse: InverseChange | InverseChange[]; label: string } | { ok: false; reason: string };

/**
 * Whether a change left anything to take back: an applied one, or a route removal that a host refused
 * halfway (`removed` then names only what went, and that is what the undo makes again).
 */
export const changedAnything = (change: AppliedChange, applied: boolean): boolean => applied || (change.kind === 'remove-route' && change.removed.length > 0);

/** A binding as a host view reports it, or undefined. */
export function reportedBinding(hosts: readonly HostView[], host: string, id: string): BindingReport | undefined {
  return hosts.find((h) => h.name === host)?.status?.bindings.find((b) => b.id === id);
}

/** The create input that makes `b` again on `host`: same id, front, protocol, target and masquerade. */
export function recreationOf(host: string, b: BindingReport): Recreation {
  const front = b.kind === 'import' ? { address: b.front.address } : { iface: b.front.iface ?? '' };
  return { action: 'create', host, id: b.id, kind: b.kind, ...front, port: b.front.port, proto: b.proto, target: targetText(b), masquerade: b.masquerade };
}

/**
 * The change that takes `change` back, given the changed host as it reported itself right after.
 * The inverse carries the revision the change left, so if the binding changes again before the undo
 * runs, the host refuses it as stale instead of clobbering the newer change.
 */
export function inverseOf(change: AppliedChange, hostsAfter: readonly HostView[]): Inverse {
  if (change.kind === 'remove') {
    const b = change.binding;
    return { ok: true, inverse: recreationOf(change.host, b), label: `Removed ${b.id} (${frontText(b)} → ${targetText(b)}) from ${change.host}` };
  }
  if (change.kind === 'remove-route' && change.removed.length === 1) {
    const [{ host, binding }] = change.removed as [{ host: string; binding: BindingReport }];
    return { ok: true, inverse: recreationOf(host, binding), label: `Removed ${binding.id} from ${host}` };
  }
  if (change.kind === 'remove-route') {
    // Made again in the opposite order: the import first, so each export has a live target.
    const bindings = [...change.removed].reverse().map((r) => recreationOf(r.host, r.binding));
    const names = change.removed.map((r) => `${r.binding.id} from ${r.host}`).join(' and ');
    return { ok: true, inverse: { action: 'create-all', host: bindings[0]!.host, id: bindings[0]!.id, bindings }, label: `Removed ${names}` };
  }
  if (change.kind === 'create-route') {
    // Removed in the opposite order: the export first, so none is left aimed at nothing. Each step
    // carries the revision the creation left, so a half changed since is refused, not clobbered.
    const steps: InverseChange[] = [];
    for (const c of [...change.created].reverse()) {
      const after = reportedBinding(hostsAfter, c.host, c.id);
      if (!after) return { ok: false, reason: `${c.host} did not report ${c.id} after the change` };
      steps.push({ action: 'remove', host: c.host, id: c.id, revision: after.revision });
    }
    return { ok: true, inverse: steps, label: `Created ${change.created.map((c) => `${c.id} on ${c.host}`).join(' and ')}` };
  }
  const after = reportedBinding(hostsAfter, change.host, change.id);
  if (!after) return { ok: false, reason: `${change.host} did not report ${change.id} after the change` };
  if (change.kind === 'create') {
    return { ok: true, inverse: { action: 'remove', host: change.host, id: change.id, revision: after.revision }, label: `Created ${change.id} on ${change.host}` };
  }
  return {
    ok: true,
    inverse: { action: 'rebind', host: change.host, id: change.id, target: change.from, revision: after.revision },
    label: `Rebound ${change.id} on ${change.host}: ${change.from} → ${change.to}`,
  };
}
