// Foreign DNAT rules as `switchyard status` lists them: one adoptable, one in Docker's chain.
import { seedTopology } from '@/components/graph/topology.fixture';
import type { Topology } from '@/lib/console/topology';

/** The seed network with a foreign DNAT rule on host1 (as `switchyard status` lists it). */
export function withForeign(t: Topology = seedTopology()): Topology {
  const foreign = [
    {
      ref: 'f-0a1b2c3d',
      table: 'nat',
      chain: 'PREROUTING',
      rule: '-A PREROUTING -d 10.2.1.3/32 -p tcp -m tcp --dport 5555 -j DNAT --to-destination 192.168.1.3:2211',
      adoptAs: { id: 'import-10-2-1-3-5555', kind: 'import' as const, proto: 'tcp' as const, port: 5555, on: '10.2.1.3', to: '192.168.1.3:2211', masquerade: true },
      match: { proto: 'tcp', port: 5555, destination: '10.2.1.3' },
    },
    { ref: 'f-99887766', table: 'nat', chain: 'DOCKER', rule: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', adoptAs: null, reason: "Docker's own chain", match: { proto: 'tcp', port: 8080, iface: '!docker0' } },
  ];
  return { ...t, hosts: t.hosts.map((h) => (h.name === 'host1' ? { ...h, status: { ...h.status!, foreign } } : h)) as Topology['hosts'] };
}
