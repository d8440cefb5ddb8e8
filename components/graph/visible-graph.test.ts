import { describe, expect, it } from 'vitest';
import { flowEdges, initialData, placeNodes } from '@/components/console/console-reducers';
import { buildGraph } from './build-graph';
import { gridLayout } from './grid-layout';
import { layoutInput } from './layout-input';
import { collapsedHostSize, overlayBand } from './node-sizes';
import { placementsFrom } from './placements';
import { report, seedTopology } from './topology.fixture';
import { visibleGraph } from './visible-graph';

const many = Array.from({ length: 5 }, (_, i) => report({ id: `web-${i}`, kind: 'export', front: { port: 3000 + i, iface: 'eth0' }, target: { name: 'a1', address: '10.2.1.1', port: 4422 } }));

function placed(topology = seedTopology()) {
  const data = initialData(topology);
  const input = layoutInput(data.nodes, new Set(data.expanded));
  return placeNodes(data, placementsFrom(data.nodes, input, gridLayout(input)));
}

describe('visibleGraph', () => {
  it('draws a small network open: every node, each binding, clients and services linked to the hosts that reach them, addresses and containers to the overlay', () => {
    const data = placed();
    const v = visibleGraph(data.nodes, data.graph.edges, { expanded: data.expanded, openBundle: null, selectedEdgeId: null });
    expect(v.nodes).toHaveLength(data.nodes.length);
    expect(v.edges.filter((e) => e.type === 'binding')).toHaveLength(3);
    expect(v.edges.filter((e) => e.type === 'link').map((e) => e.id).sort()).toEqual([
      'overlay:container:a1',
      'overlay:container:a2',
      'overlay:exposed:host1:10.2.1.3',
      'overlay:exposed:host2:10.2.1.132',
      'reaches:client:world->host:host2',
      'reaches:host:host1->service:host3',
      'reaches:host:host1->service:host4',
    ]);
  });

  it('stretches the overlay band under the hosts, across all of them', () => {
    const data = placed();
    const v = visibleGraph(data.nodes, data.graph.edges, { expanded: data.expanded, openBundle: null, selectedEdgeId: null });
    const hosts = v.nodes.filter((n) => n.type === 'host');
    const band = v.nodes.find((n) => n.id === 'overlay')!;
    expect(band.position.x).toBe(Math.min(...hosts.map((h) => h.position.x)));
    expect(band.position.x + band.width!).toBe(Math.max(...hosts.map((h) => h.position.x + h.width!)));
    expect(band.position.y).toBe(Math.max(...hosts.map((h) => h.position.y + h.height!)) + overlayBand.gap);
  });

  it('draws a collapsed host as a small box without its insides; bindings to and from it end at the box, bundled and not draggable', () => {
    const data = placed(seedTopology(undefined, many));
    const v = visibleGraph(data.nodes, data.graph.edges, { expanded: ['host:host2'], openBundle: null, selectedEdgeId: null });
    expect(v.nodes.some((n) => n.parentId === 'host:host1')).toBe(false);
    expect(v.nodes.find((n) => n.id === 'host:host1')).toMatchObject({ ...collapsedHostSize, data: { collapsed: true } });
    const bundle = v.edges.find((e) => e.type === 'bundle')!;
    expect(bundle).toMatchObject({ source: 'iface:host2:eth0', target: 'host:host1', ariaLabel: '5 bindings: eth0 → host1', data: { count: 5 } });
    const h3 = v.edges.find((e) => e.id === 'binding:host1/h3')!;
    expect(h3).toMatchObject({ source: 'host:host1', sourceHandle: 'out', target: 'service:host3', reconnectable: false });
    expect(v.edges.some((e) => e.id.startsWith('overlay:') && e.source.includes('host1'))).toBe(false);
  });

  it('opens the hosts at both ends of the selected binding, and the bundle it is in', () => {
    const data = placed(seedTopology(undefined, many));
    const v = visibleGraph(data.nodes, data.graph.edges, { expanded: [], openBundle: null, selectedEdgeId: 'binding:host2/web-2' });
    expect(v.nodes.find((n) => n.id === 'host:host1')?.type === 'host' && v.nodes.find((n) => n.id === 'host:host1')?.data).not.toMatchObject({ collapsed: true });
    const web = v.edges.filter((e) => e.type === 'binding' && e.id.startsWith('binding:host2/web-'));
    expect(web).toHaveLength(5);
    expect(web.find((e) => e.id === 'binding:host2/web-2')).toMatchObject({ source: 'iface:host2:eth0', target: 'container:a1' });
  });

  it('draws a large network collapsed within the node budget', () => {
    const hosts = Array.from({ length: 300 }, (_, i) => ({ ...seedTopology().hosts[1], name: `h${i}` }));
    const g = buildGraph({ ...seedTopology(), hosts });
    const data = initialData({ ...seedTopology(), hosts });
    expect(data.expanded).toEqual([]);
    const v = visibleGraph(data.nodes, g.edges, { expanded: data.expanded, openBundle: null, selectedEdgeId: null });
    expect(v.nodes.length).toBeLessThanOrEqual(500);
    expect(v.nodes.filter((n) => n.type === 'host')).toHaveLength(300);
  });

  it('gives every endpoint its size and handles, so an edge to a host just opened is drawn before React Flow measures it', () => {
    const data = placed();
    const v = visibleGraph(data.nodes, data.graph.edges, { expanded: data.expanded, openBundle: null, selectedEdgeId: null });
    const a1 = v.nodes.find((n) => n.id === 'container:a1')!;
    expect(a1).toMatchObject({ width: 176, height: 58 });
    expect(a1.handles?.map((h) => h.id)).toEqual(['in:4422', 'overlay']);
  });

  it('hands out the same node and edge objects again when only the selection moves between bindings of closed hosts', () => {
    const data = placed(seedTopology(undefined, many));
    const before = visibleGraph(data.nodes, flowEdges({ ...data, selectedEdgeId: null }), { expanded: [], openBundle: null, selectedEdgeId: null });
    const after = visibleGraph(data.nodes, flowEdges({ ...data, selectedEdgeId: 'binding:host1/h3' }), { expanded: [], openBundle: null, selectedEdgeId: null });
    const same = (id: string) => before.nodes.find((n) => n.id === id) === after.nodes.find((n) => n.id === id);
    expect(same('host:host2')).toBe(true);
    expect(same('service:host4')).toBe(true);
    // The selected binding is drawn anew, selected; the bundle between the closed hosts is the same drawing.
    expect(after.edges.find((e) => e.id === 'binding:host1/h3')).toMatchObject({ selected: true });
    expect(after.edges.find((e) => e.id === 'binding:host1/h3')).not.toBe(before.edges.find((e) => e.id === 'binding:host1/h3'));
    const bundle = (v: typeof before) => v.edges.find((e) => e.type === 'bundle');
    expect(bundle(after)).toEqual(bundle(before));
  });
  it('hands out the same link and overlay objects again for the same nodes, and a new band once a host is moved', () => {
    const data = placed();
    const view = { expanded: data.expanded, openBundle: null, selectedEdgeId: null };
    const first = visibleGraph(data.nodes, data.graph.edges, view);
    const again = visibleGraph(data.nodes, data.graph.edges, { ...view, selectedEdgeId: 'binding:host2/web' });
    const links = (v: typeof first) => v.edges.filter((e) => e.type === 'link');
    links(again).forEach((l, i) => expect(l, l.id).toBe(links(first)[i]));
    expect(again.nodes.find((n) => n.id === 'overlay')).toBe(first.nodes.find((n) => n.id === 'overlay'));
    const moved = data.nodes.map((n) => (n.id === 'host:host1' ? { ...n, position: { x: n.position.x - 500, y: n.position.y } } : n));
    const band = visibleGraph(moved, data.graph.edges, view).nodes.find((n) => n.id === 'overlay')!;
    expect(band).not.toBe(first.nodes.find((n) => n.id === 'overlay'));
    expect(band.position.x).toBe(Math.min(...moved.filter((n) => n.type === 'host').map((n) => n.position.x)));
  });
});
