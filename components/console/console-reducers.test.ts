import { describe, expect, it } from 'vitest';
import { exportWeb, importH3, manyHosts, report, routeH3, seedTopology } from '@/components/graph/topology.fixture';
import { applyHosts, applyTopology, beginRebind, flowEdges, initialData, placeNodes, selectBinding, selectEdge, settleRebind, unplacedNodes } from './console-reducers';
import { bindingKey, foreignKey } from './binding-key';
import { selectProbe } from './console-selectors';
import type { HostView, Topology } from '@/lib/console/topology';

const placeAll = (data: ReturnType<typeof initialData>) =>
  placeNodes(data, Object.fromEntries(data.nodes.map((n, i) => [n.id, { x: i * 10, y: i * 20, width: 300, height: 200 }])));

describe('console reducers', () => {
  it('draws the same edge objects again for the bindings a new selection leaves as they were', () => {
    const data = initialData(seedTopology());
    const before = flowEdges(data);
    const after = flowEdges(selectEdge(data, 'binding:host2/web'));
    const byId = (edges: typeof before, id: string) => edges.find((e) => e.id === id)!;
    // web is selected; route-h3 and h3 (one route, not lit by web) are the very same objects as before.
    expect(byId(after, 'binding:host2/web')).toMatchObject({ selected: true, data: { highlighted: true } });
    expect(byId(after, 'binding:host2/web')).not.toBe(byId(before, 'binding:host2/web'));
    expect(byId(after, 'binding:host2/route-h3')).toBe(byId(before, 'binding:host2/route-h3'));
    expect(byId(after, 'binding:host1/h3')).toBe(byId(before, 'binding:host1/h3'));
    // Selecting the route lights its other half too, which is drawn anew.
    const route = flowEdges(selectEdge(data, 'binding:host2/route-h3'));
    expect(byId(route, 'binding:host1/h3')).toMatchObject({ className: 'route-lit', data: { highlighted: true } });
  });

  it('keeps placed nodes where they are when a binding changes, and lays out only new nodes', () => {
    const placed = placeAll(initialData(seedTopology()));
    expect(unplacedNodes(placed)).toEqual([]);
    const before = Object.fromEntries(placed.nodes.map((n) => [n.id, n.position]));
    const moved = { ...importH3, target: { name: '192.168.4.4', address: '192.168.4.4', port: 2211 }, revision: 2 };
    const odd = report({ id: 'odd', kind: 'export', front: { port: 9 }, target: { name: '9.9.9.9', address: '9.9.9.9', port: 9 } });
    const next = applyTopology(placed, seedTopology([moved], [routeH3, exportWeb, odd]));
    for (const n of next.nodes) if (before[n.id]) expect(n.position, n.id).toEqual(before[n.id]);
    expect(unplacedNodes(next).map((n) => n.id).sort()).toEqual(['address:9.9.9.9', 'iface:host2:*']);
    expect(next.graph.edges.find((e) => e.id === 'binding:host1/h3')?.target).toBe('service:host4');
  });

  it('grows a host group to hold a child placed into it later', () => {
    const placed = placeAll(initialData(seedTopology()));
    const odd = report({ id: 'odd', kind: 'export', front: { port: 9 }, target: { name: '9.9.9.9', address: '9.9.9.9', port: 9 } });
    const next = applyTopology(placed, seedTopology([importH3], [odd]));
    const host1 = next.nodes.find((n) => n.id === 'host:host1')!;
    const grown = placeNodes(next, { 'iface:host2:*': { x: 400, y: 300, width: 184, height: 64 } });
    expect(grown.nodes.find((n) => n.id === 'host:host2')!.width).toBeGreaterThanOrEqual(400 + 184);
    expect(grown.nodes.find((n) => n.id === 'host:host1')!.width).toBe(host1.width);
  });

  it('moves a dragged edge at once and puts it back when the host refuses', () => {
    const data = initialData(seedTopology());
    const moving = beginRebind(data, 'binding:host1/h3', { target: 'service:host4', port: 2211 });
    expect(flowEdges(moving).find((e) => e.id === 'binding:host1/h3')).toMatchObject({ target: 'service:host4', targetHandle: 'in:2211', data: { pending: true } });
    const refused = settleRebind(moving, 'binding:host1/h3', 'host1 refused');
    expect(flowEdges(refused).find((e) => e.id === 'binding:host1/h3')).toMatchObject({ target: 'service:host3', data: { pending: false } });
    expect(refused.dragError).toBe('host1 refused');
  });

  it('highlights the selected route and forgets a selection whose binding is gone', () => {
    const selected = selectEdge(initialData(seedTopology()), 'binding:host2/route-h3');
    const lit = flowEdges(selected).filter((e) => e.data?.highlighted).map((e) => e.id).sort();
    expect(lit).toEqual(['binding:host1/h3', 'binding:host2/route-h3']);
    expect(applyTopology(selected, seedTopology([importH3], [exportWeb])).selectedEdgeId).toBeNull();
  });
});

describe('hosts pushed by the server', () => {
  it('replaces only the hosts sent, keeps every placed node where it is, and ignores a view older than the one held', () => {
    const t = seedTopology();
    t.hosts = t.hosts.map((h) => ({ ...h, seq: 1 }));
    const placed = placeAll(initialData(t));
    const before = Object.fromEntries(placed.nodes.map((n) => [n.id, n.position]));
    const host1 = t.hosts[0];
    if (!host1.reachable) throw new Error('fixture');
    const down = { name: 'host1', transport: 'sim' as const, reachable: false as const, error: 'the session ended', status: host1.status, seenAt: '2026-01-01T00:00:00.000Z', seq: 5 };
    const next = applyHosts(placed, [down]);
    expect(next.topology.version).toBe(5);
    expect(next.topology.hosts[1]).toBe(t.hosts[1]);
    for (const n of next.nodes) expect(n.position, n.id).toEqual(before[n.id]);
    expect(next.graph.edges.find((e) => e.id === 'binding:host1/h3')?.data?.unreachable).toBe(true);
    // An action's answer that raced behind a newer push changes nothing.
    const late = { ...t.hosts[0], seq: 3 };
    expect(applyHosts(next, [late])).toBe(next);
  });
});

describe('health probes pushed by the server', () => {
  const probe = (id: string, target: string, outcome: 'ok' | 'refused', at: string) => ({ id, proto: 'tcp' as const, target, outcome, latencyMs: 0.3, at });
  /** The seed, placed, with host2's two exports probed ok at `at` (host2's view at `seq`). */
  function probed(data: ReturnType<typeof initialData>, seq: number, at: string, web: 'ok' | 'refused' = 'ok') {
    const host2 = data.topology.hosts.find((h) => h.name === 'host2')!;
    return applyHosts(data, [{ ...host2, seq, probes: [probe('route-h3', '10.2.1.3:3322', 'ok', at), probe('web', '10.2.1.1:4422', web, at)] }]);
  }

  it('keeps the graph and every drawn node as they were when a probe round finds every binding as before', () => {
    const first = probed(placeAll(initialData(seedTopology())), 1, '2026-01-01T00:00:00.000Z');
    const again = probed(first, 2, '2026-01-01T00:00:30.000Z');
    expect(again.topology).not.toBe(first.topology);
    expect(again.topology.version).toBe(2);
    expect(again.graph).toBe(first.graph);
    expect(again.nodes).toBe(first.nodes);
    // The time of the newer probe is the host's, for the inspector.
    expect(selectProbe(again, 'host2', exportWeb)?.at).toBe('2026-01-01T00:00:30.000Z');
  });

  it('draws anew only the edge whose probe found something else; every node and every other edge is the same object', () => {
    const first = probed(placeAll(initialData(seedTopology())), 1, '2026-01-01T00:00:00.000Z');
    const failing = probed(first, 2, '2026-01-01T00:00:30.000Z', 'refused');
    const edge = (d: typeof first, id: string) => d.graph.edges.find((e) => e.id === id)!;
    expect(edge(failing, 'binding:host2/web')).not.toBe(edge(first, 'binding:host2/web'));
    expect(edge(failing, 'binding:host2/web').data?.probe?.outcome).toBe('refused');
    expect(edge(failing, 'binding:host2/route-h3')).toBe(edge(first, 'binding:host2/route-h3'));
    expect(edge(failing, 'binding:host1/h3')).toBe(edge(first, 'binding:host1/h3'));
    expect(failing.graph.nodes).toBe(first.graph.nodes);
    failing.nodes.forEach((n, i) => expect(n, n.id).toBe(first.nodes[i]));
  });

  it('still draws a host anew when its own view changed, keeping its place', () => {
    const placed = placeAll(initialData(seedTopology()));
    const host1 = placed.topology.hosts[0];
    if (!host1.reachable) throw new Error('fixture');
    const warned = applyHosts(placed, [{ ...host1, seq: 1, status: { ...host1.status, warnings: ['ip_forward is off'] } }]);
    const node = (d: typeof placed, id: string) => d.nodes.find((n) => n.id === id)!;
    expect(node(warned, 'host:host1')).not.toBe(node(placed, 'host:host1'));
    expect(node(warned, 'host:host1').position).toEqual(node(placed, 'host:host1').position);
    expect(node(warned, 'host:host2')).toBe(node(placed, 'host:host2'));
  });
});

describe('one selection for the table and the graph', () => {
  /** The seed's two hosts copied `n` times over (host1-0, host2-0, …): a network too large to open at once. */
  it('selects a binding by its key, sets its edge selected, and clears', () => {
    const data = initialData(seedTopology());
    const selected = selectBinding(data, bindingKey('host2', 'web'));
    expect(selected.selection).toEqual(bindingKey('host2', 'web'));
    expect(selected.selectedEdgeId).toBe('binding:host2/web');
    expect(flowEdges(selected).find((e) => e.selected)?.id).toBe('binding:host2/web');
    const cleared = selectBinding(selected, null);
    expect(cleared.selection).toBeNull();
    expect(cleared.selectedEdgeId).toBeNull();
  });

  it('selecting an edge selects its binding key, so the table finds the same row', () => {
    const selected = selectEdge(initialData(seedTopology()), 'binding:host1/h3');
    expect(selected.selection).toEqual(bindingKey('host1', 'h3'));
    // Edges that are no binding's (links to the overlay) select nothing.
    expect(selectEdge(selected, 'overlay:exposed:host1:10.2.1.3').selection).toBeNull();
  });

  it('opens the collapsed hosts at both ends of the selected binding, and keeps them open after', () => {
    const data = initialData(manyHosts(150));
    expect(data.expanded).toEqual([]);
    // route-h3 on host2-7 goes to 10.2.1.3:3322, which every copy of host1 exposes (the last one drawn claims it).
    const selected = selectBinding(data, bindingKey('host2-7', 'route-h3'));
    const edge = selected.graph.edges.find((e) => e.id === 'binding:host2-7/route-h3')!;
    const ends = [edge.source, edge.target].map((id) => selected.graph.nodes.find((n) => n.id === id)!.parentId);
    expect(ends).toEqual(['host:host2-7', 'host:host1-149']);
    expect(selected.expanded).toEqual(ends);
    expect(selectBinding(selected, null).expanded).toEqual(selected.expanded);
  });

  it('selects a foreign rule by its host and ref, opening its host, and forgets it once the host no longer reports it', () => {
    const t = manyHosts(150);
    const host = t.hosts[3];
    const rule = { ref: 'f-0a1b2c3d', table: 'nat', chain: 'PREROUTING', rule: '-A PREROUTING -d 10.2.1.3/32 -p tcp -m tcp --dport 5555 -j DNAT --to-destination 192.168.1.3:2211', adoptAs: null, reason: 'test' };
    const withForeign: Topology = { ...t, hosts: t.hosts.map((h, i) => (i === 3 ? { ...h, status: { ...h.status!, foreign: [rule] } } : h)) as HostView[] };
    const selected = selectBinding(initialData(withForeign), foreignKey(host.name, rule.ref));
    expect(selected.selectedEdgeId).toBe(`foreign:${host.name}/f-0a1b2c3d`);
    expect(selected.expanded).toEqual([`host:${host.name}`]);
    expect(applyTopology(selected, withForeign).selection).toEqual(foreignKey(host.name, rule.ref));
    expect(applyTopology(selected, t).selection).toBeNull();
  });
});
