import type { HostView, Proto, Topology } from '@/lib/console/topology';

/** A service a route can reach: a container's service (on the overlay) or an outside service (reached from some hosts). */
export interface RouteService {
  /** `NAME_OR_IP:PORT`, as the import's target. */
  target: string;
  label: string;
  port: number;
  proto: Proto;
  /** The hosts that can reach it; null: any host on the overlay. */
  reachableFrom: string[] | null;
}

/** Every service in the inventory a route could lead to. */
export function routeServices(t: Topology): RouteService[] {
  const out: RouteService[] = [];
  for (const c of t.containers) {
    for (const s of c.services) out.push({ target: `${c.name}:${s.port}`, label: `${c.name}:${s.port} (container on ${c.host})`, port: s.port, proto: s.proto, reachableFrom: null });
  }
  for (const s of t.services) {
    out.push({ target: `${s.address}:${s.port}`, label: `${s.name} ${s.address}:${s.port} (outside, reached from ${s.reachableFrom.join(', ') || 'no host'})`, port: s.port, proto: s.proto, reachableFrom: s.reachableFrom });
  }
  return out;
}

type Reachable = Extract<HostView, { reachable: true }>;

/** Hosts a route's import can go through: answering, exposed on the overlay, not the entry host, and able to reach the service. */
export function importHosts(hosts: readonly HostView[], entry: string, service: RouteService | undefined, mayChange: (host: string) => boolean): Reachable[] {
  return hosts.filter(
    (h): h is Reachable =>
      h.reachable && h.name !== entry && h.status.exposed.length > 0 && mayChange(h.name) && (!service?.reachableFrom || service.reachableFrom.includes(h.name)),
  );
}

/**
 * A front for the import on `host`: its first exposed address, and the service's own port if nothing
 * listens there yet on that address, else the next free port above it.
 */
export function suggestedFront(host: Reachable, servicePort: number): { address: string; port: number } | null {
  const first = host.status.exposed[0];
  if (!first) return null;
  const address = first.cidr.split('/')[0]!;
  const used = new Set(host.status.bindings.filter((b) => b.kind === 'import' && b.front.address === address).map((b) => b.front.port));
  let port = servicePort;
  while (used.has(port) && port < 65535) port++;
  return { address, port };
}
