import type { User } from '@/lib/auth/user';
import { mayChangeHost } from '@/lib/auth/user';
import type { BindingReport, Exposure, HostView, InterfaceFact, Topology } from '@/lib/console/topology';

/** A host as GET /api/v1/hosts shows it, with whether the caller may change it. */
export type ApiHost =
  | { name: string; transport: HostView['transport']; reachable: true; mayChange: boolean; ipForward: boolean; interfaces: InterfaceFact[]; exposed: Exposure[]; bindings: number; warnings: string[] }
  | { name: string; transport: HostView['transport']; reachable: false; mayChange: boolean; error: string };

/** Every host of a topology, for the caller. */
export function apiHosts(topology: Topology, user: User): ApiHost[] {
  return topology.hosts.map((h) => {
    const base = { name: h.name, transport: h.transport, mayChange: mayChangeHost(user, h.name) };
    if (!h.reachable) return { ...base, reachable: false, error: h.error };
    const s = h.status;
    return { ...base, reachable: true, ipForward: s.facts.ipForward, interfaces: s.facts.interfaces, exposed: s.exposed, bindings: s.bindings.length, warnings: s.warnings };
  });
}

/** Every binding of a topology (optionally of one host), each with its host; and the hosts that could not be asked. */
export function apiBindings(topology: Topology, host?: string): { bindings: (BindingReport & { host: string })[]; unreachable: { host: string; error: string }[] } {
  const hosts = topology.hosts.filter((h) => host === undefined || h.name === host);
  return {
    bindings: hosts.flatMap((h) => (h.reachable ? h.status.bindings.map((b) => ({ host: h.name, ...b })) : [])),
    unreachable: hosts.flatMap((h) => (h.reachable ? [] : [{ host: h.name, error: h.error }])),
  };
}
