import { describe, expect, it } from 'vitest';
import type { ForeignRule, Topology } from '@/lib/console/topology';
import { buildGraph } from './build-graph';
import { foreignFront, foreignTarget } from './foreign-edges';
import { visibleForeign } from './visible-foreign';
import { seedTopology } from './topology.fixture';

// What host1's status lists after `iptables -t nat -A PREROUTING -d 10.2.1.3 -p tcp --dport 5555 -j DNAT --to-destination 192.168.1.3:2211`.
const handWritten: ForeignRule = {
  ref: 'f-1a2b3c4d',
  table: 'nat',
  chain: 'PREROUTING',
  rule: '-A PREROUTING -d 10.2.1.3/32 -p tcp -m tcp --dport 5555 -j DNAT --to-destination 192.168.1.3:2211',
  adoptAs: { id: 'import-10-2-1-3-5555', kind: 'import', proto: 'tcp', port: 5555, on: '10.2.1.3', to: '192.168.1.3:2211', masquerade: true },
  match: { proto: 'tcp', port: 5555, destination: '10.2.1.3/32' },
};
// Docker's: shown, never adoptable.
const docker: ForeignRule = {
  ref: 'f-99aa00bb',
  table: 'nat',
  chain: 'DOCKER',
  rule: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
  adoptAs: null,
  reason: 'belongs to Docker (DOCKER), which rewrites it as containers start and stop: publish the port with Docker instead',
  match: { proto: 'tcp', port: 8080 },
};
// nft's own words for a rule in another table.
const nftRule: ForeignRule = { ref: 'f-0000beef', table: 'nft ip other', chain: 'pre', rule: 'ip daddr 10.2.1.3 tcp dport 7777 dnat to 10.2.1.1:4422', adoptAs: null, reason: 'no binding expresses it', match: { proto: 'tcp', port: 7777, destination: '10.2.1.3' } };

function withForeign(rules: ForeignRule[], reachable = true): Topology {
  const t = seedTopology();
  const h1 = t.hosts[0];
  const status = { ...h1.status!, foreign: rules };
  t.hosts[0] = reachable ? { ...h1, reachable: true, status } : { name: 'host1', transport: 'sim', reachable: false, error: 'gone', status };
  return t;
}

describe('foreign rule edges', () => {
  it('joins a hand-written DNAT rule’s front on the host to the service it sends to, dashed as foreign', () => {
    const g = buildGraph(withForeign([handWritten]));
    expect(g.foreign).toHaveLength(1);
    expect(g.foreign[0]).toMatchObject({
      id: 'foreign:host1/f-1a2b3c4d',
      type: 'foreign',
      source: 'exposed:host1:10.2.1.3',
      sourceHandle: 'out',
      target: 'service:host3',
      targetHandle: 'in:2211',
      reconnectable: false,
      ariaLabel: 'foreign rule f-1a2b3c4d: host1 10.2.1.3:5555 → 192.168.1.3:2211',
      data: { host: 'host1', target: '192.168.1.3:2211', rule: handWritten },
    });
    // Bindings stay bindings: the foreign rule is not counted as one.
    expect(g.edges.map((e) => e.id)).not.toContain('foreign:host1/f-1a2b3c4d');
  });

  it('draws rules of other systems too, from the interfaces they catch to an address outside the inventory', () => {
    const g = buildGraph(withForeign([docker, nftRule]));
    const [d, n] = g.foreign;
    expect(d).toMatchObject({ source: 'iface:host1:*', target: 'address:172.17.0.2', targetHandle: 'in:80', data: { rule: { adoptAs: null } } });
    expect(g.nodes.find((x) => x.id === 'address:172.17.0.2')).toBeTruthy();
    expect(n).toMatchObject({ source: 'exposed:host1:10.2.1.3', target: 'container:a1', targetHandle: 'in:4422' });
  });

  it('keeps a host’s last-known foreign rules when it stops answering, marked so', () => {
    expect(buildGraph(withForeign([handWritten], false)).foreign[0].data).toMatchObject({ unreachable: true });
  });

  it('reads target and front from the rule itself', () => {
    expect(foreignTarget(docker)).toEqual({ address: '172.17.0.2', port: 80 });
    expect(foreignTarget({ ...docker, rule: '-A PREROUTING -p tcp --dport 9000 -j DNAT --to-destination 10.0.0.9' })).toEqual({ address: '10.0.0.9', port: 8080 });
    expect(foreignTarget({ ...docker, rule: '-A PREROUTING -j REDIRECT', adoptAs: null })).toBeNull();
    expect(foreignFront(handWritten)).toEqual({ kind: 'import', front: { port: 5555, address: '10.2.1.3' } });
    expect(foreignFront({ ...docker, match: { proto: 'tcp', port: 8080, iface: 'eth0' } })).toEqual({ kind: 'export', front: { port: 8080, iface: 'eth0' } });
    expect(foreignFront({ ...docker, match: { proto: 'tcp', port: 8080, destination: '10.2.0.0/16' } })).toEqual({ kind: 'export', front: { port: 8080, iface: undefined } });
  });

  it('is drawn at a collapsed host’s box, and marked selected when it is the selection', () => {
    const g = buildGraph(withForeign([handWritten]));
    const [e] = visibleForeign(g.foreign, g.nodes, ['host:host2'], 'foreign:host1/f-1a2b3c4d');
    expect(e).toMatchObject({ source: 'host:host1', sourceHandle: 'out', target: 'service:host3', selected: true });
  });
});
