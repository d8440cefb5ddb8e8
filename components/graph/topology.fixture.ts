// A topology as the hosts of the seed network report it, with the page's route in place:
// host2 eth0:4433 → 10.2.1.3:3322 (host1's import front) → host3 192.168.1.3:2211.
import type { BindingReport, HostView, StatusReport, Topology } from '@/lib/console/topology';

/** A binding as a host reports it, with kernel state active and zero counters. */
export function report(b: Partial<BindingReport> & Pick<BindingReport, 'id' | 'kind' | 'front' | 'target'>): BindingReport {
  return { proto: 'tcp', masquerade: true, revision: 1, state: 'active', counters: { packets: 0, bytes: 0 }, rules: [], ...b };
}

const status = (host: string, interfaces: [string, string[]][], exposed: string, bindings: BindingReport[]): StatusReport => ({
  host,
  backend: 'iptables',
  facts: { hostname: host, ipForward: true, weave: false, interfaces: interfaces.map(([name, addresses]) => ({ name, up: true, addresses })) },
  exposed: [{ cidr: exposed, bridge: 'weave' }],
  bindings,
  foreign: [],
  warnings: [],
});

export const importH3 = report({ id: 'h3', kind: 'import', front: { port: 3322, address: '10.2.1.3' }, target: { name: '192.168.1.3', address: '192.168.1.3', port: 2211 } });
export const routeH3 = report({ id: 'route-h3', kind: 'export', front: { port: 4433, iface: 'eth0' }, target: { name: '10.2.1.3', address: '10.2.1.3', port: 3322 } });
export const exportWeb = report({ id: 'web', kind: 'export', front: { port: 2211, iface: 'eth0' }, target: { name: 'a1', address: '10.2.1.1', port: 4422 } });

/** The seed network's topology with the given bindings on each host. */
export function seedTopology(host1: BindingReport[] = [importH3], host2: BindingReport[] = [routeH3, exportWeb]): Topology {
  return {
    hosts: [
      { name: 'host1', transport: 'sim', reachable: true, status: status('host1', [['lo', ['127.0.0.1/8']], ['eth1', ['192.168.1.1/24']], ['eth2', ['192.168.4.1/24']], ['weave', ['10.2.1.3/16']]], '10.2.1.3/16', host1) },
      { name: 'host2', transport: 'sim', reachable: true, status: status('host2', [['lo', ['127.0.0.1/8']], ['eth0', ['192.168.1.2/24']], ['weave', ['10.2.1.132/16']]], '10.2.1.132/16', host2) },
    ],
    containers: [
      { name: 'a1', host: 'host1', address: '10.2.1.1', services: [{ port: 4422, proto: 'tcp' }] },
      { name: 'a2', host: 'host2', address: '10.2.1.2', services: [] },
    ],
    services: [
      { name: 'host3', address: '192.168.1.3', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
      { name: 'host4', address: '192.168.4.4', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
    ],
    clients: [{ name: 'world', address: '192.168.1.10', reaches: ['host2'] }],
    loadedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The seed network's hosts copied `n` times (`host1-0`, `host2-0`, …): a network as large as wanted. */
export function manyHosts(n: number): Topology {
  const seed = seedTopology();
  const hosts = Array.from({ length: n }, (_, i) => seed.hosts.map((h) => ({ ...h, name: `${h.name}-${i}`, status: { ...h.status!, host: `${h.name}-${i}` } }))).flat() as HostView[];
  return { ...seed, hosts };
}
