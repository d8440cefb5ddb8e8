import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { report, seedTopology } from './topology.fixture';

describe('buildGraph', () => {
  const graph = buildGraph(seedTopology());
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const edge = (id: string) => graph.edges.find((e) => e.id === id);

  it('draws hosts as groups holding their interfaces, exposed addresses and containers, not loopback or the bridge', () => {
    expect(node('host:host1')?.ariaLabel).toBe('host host1');
    const children = graph.nodes.filter((n) => n.parentId === 'host:host1').map((n) => n.id);
    expect(children.sort()).toEqual(['container:a1', 'exposed:host1:10.2.1.3', 'iface:host1:eth1', 'iface:host1:eth2']);
    expect(node('container:a2')?.parentId).toBe('host:host2');
    expect(node('host:host2')?.data).toMatchObject({ holds: { interfaces: 1, exposed: 1, containers: 1, bindings: 2 } });
    // Parents come before their children.
    expect(graph.nodes.findIndex((n) => n.id === 'host:host1')).toBeLessThan(graph.nodes.findIndex((n) => n.id === 'iface:host1:eth1'));
  });

  it('draws the overlay as one node named by its network and bridge', () => {
    expect(node('overlay')).toMatchObject({ type: 'overlay', ariaLabel: 'overlay 10.2.0.0/16', data: { networks: ['10.2.0.0/16'], bridges: ['weave'] } });
  });

  it('labels binding edges with host, front and target as given', () => {
    expect(edge('binding:host2/web')?.ariaLabel).toBe('binding web: host2 eth0:2211 → a1:4422');
    expect(edge('binding:host1/h3')?.ariaLabel).toBe('binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211');
  });

  it('connects fronts to the endpoints their targets resolve to, on the target port', () => {
    expect(edge('binding:host2/web')).toMatchObject({ source: 'iface:host2:eth0', target: 'container:a1', targetHandle: 'in:4422', reconnectable: 'target' });
    expect(edge('binding:host2/route-h3')).toMatchObject({ target: 'exposed:host1:10.2.1.3', targetHandle: 'in:3322' });
    expect(edge('binding:host1/h3')).toMatchObject({ source: 'exposed:host1:10.2.1.3', target: 'service:host3' });
  });

  it('gives unknown targets an address node of their own', () => {
    const odd = buildGraph(seedTopology([], [report({ id: 'odd', kind: 'export', proto: 'udp', front: { port: 53 }, target: { name: '9.9.9.9', address: '9.9.9.9', port: 53 } })]));
    expect(odd.edges[0]).toMatchObject({ source: 'iface:host2:*', target: 'address:9.9.9.9', ariaLabel: 'binding odd: host2 *:53 → 9.9.9.9:53' });
  });

  it('draws a host that never answered without interfaces or addresses (only the containers the inventory puts there), and keeps the others', () => {
    const t = seedTopology();
    t.hosts[0] = { name: 'host1', transport: 'netns', reachable: false, error: 'waiting for host1 to answer', connecting: true };
    const g = buildGraph(t);
    expect(g.nodes.find((n) => n.id === 'host:host1')?.data).toMatchObject({ reachable: false, connecting: true });
    expect(g.nodes.filter((n) => n.parentId === 'host:host1').map((n) => n.id)).toEqual(['container:a1']);
    expect(g.edges.map((e) => e.id).sort()).toEqual(['binding:host2/route-h3', 'binding:host2/web']);
  });

  it('keeps an unreachable host’s last-known insides and bindings, greyed and not movable, with the reason and when it was last seen', () => {
    const t = seedTopology();
    const host1 = t.hosts[0];
    if (!host1.reachable) throw new Error('fixture');
    t.hosts[0] = { name: 'host1', transport: 'sim', reachable: false, error: 'the session ended', status: host1.status, seenAt: '2026-01-01T00:00:00.000Z' };
    const g = buildGraph(t);
    expect(g.nodes.find((n) => n.id === 'host:host1')?.data).toMatchObject({ reachable: false, error: 'the session ended', seenAt: '2026-01-01T00:00:00.000Z' });
    const inside = g.nodes.filter((n) => n.parentId === 'host:host1');
    expect(inside.map((n) => n.id).sort()).toEqual(['container:a1', 'exposed:host1:10.2.1.3', 'iface:host1:eth1', 'iface:host1:eth2']);
    expect(inside.every((n) => n.type === 'endpoint' && n.data.dimmed)).toBe(true);
    expect(g.edges.find((e) => e.id === 'binding:host1/h3')).toMatchObject({ reconnectable: false, data: { unreachable: true } });
    // host2 still answers: its bindings (the route into host1's import) stay live.
    expect(g.edges.find((e) => e.id === 'binding:host2/route-h3')).toMatchObject({ reconnectable: 'target', target: 'exposed:host1:10.2.1.3' });
    expect(g.edges.find((e) => e.id === 'binding:host2/route-h3')?.data?.unreachable).toBeUndefined();
  });

  it('puts each binding’s last probe on its edge, only while it probed the binding’s current target, and the host’s watcher on its node', () => {
    const t = seedTopology();
    const host2 = t.hosts[1];
    if (!host2.reachable) throw new Error('fixture');
    const at = '2026-01-01T00:00:00.000Z';
    t.hosts[1] = {
      ...host2,
      status: { ...host2.status, watcher: { running: true, pid: 42, heals: 0 } },
      probes: [
        { id: 'web', proto: 'tcp', target: '10.2.1.1:4422', outcome: 'refused', latencyMs: 0.2, error: 'ECONNREFUSED', at },
        // Probed before route-h3 was rebound to where it points now.
        { id: 'route-h3', proto: 'tcp', target: '192.168.4.4:2211', outcome: 'ok', latencyMs: 1, at },
      ],
    };
    const g = buildGraph(t);
    expect(g.edges.find((e) => e.id === 'binding:host2/web')?.data?.probe).toMatchObject({ outcome: 'refused' });
    expect(g.edges.find((e) => e.id === 'binding:host2/route-h3')?.data?.probe).toBeUndefined();
    expect(g.nodes.find((n) => n.id === 'host:host2')?.data).toMatchObject({ watcher: { running: true, pid: 42 } });
    expect(g.nodes.find((n) => n.id === 'host:host1')?.data).not.toHaveProperty('watcher');
  });
});
