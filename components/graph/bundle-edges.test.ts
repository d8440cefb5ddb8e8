import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { bundleEdges, bundleId } from './bundle-edges';
import { report, seedTopology } from './topology.fixture';
import type { BundleEdge } from './graph-model';

// 24 exports on host2 eth0, all to a1: parallel bindings between the same two endpoints.
const many = Array.from({ length: 24 }, (_, i) => report({ id: `web-${i}`, kind: 'export', front: { port: 3000 + i, iface: 'eth0' }, target: { name: 'a1', address: '10.2.1.1', port: 4422 } }));
const graph = buildGraph(seedTopology(undefined, many));

describe('bundleEdges', () => {
  it('draws parallel bindings as one bundle labelled with their count, and a lone binding as itself', () => {
    const drawn = bundleEdges(graph.edges, { bundle: null, selectedEdgeId: null });
    expect(drawn.map((e) => e.id).sort()).toEqual(['binding:host1/h3', bundleId('iface:host2:eth0', 'container:a1')]);
    const bundle = drawn.find((e): e is BundleEdge => e.type === 'bundle')!;
    expect(bundle).toMatchObject({ source: 'iface:host2:eth0', target: 'container:a1', data: { count: 24 }, reconnectable: false });
    expect(bundle.data!.members).toHaveLength(24);
    expect(bundle.ariaLabel).toBe('24 bindings: iface:host2:eth0 → container:a1');
  });

  it('names the ends with the names given', () => {
    const drawn = bundleEdges(graph.edges, { bundle: null, selectedEdgeId: null }, (id) => ({ 'iface:host2:eth0': 'eth0', 'container:a1': 'a1' })[id] ?? id);
    expect(drawn.find((e) => e.type === 'bundle')?.ariaLabel).toBe('24 bindings: eth0 → a1');
  });

  it('opens a bundle when asked, or when it holds the selected binding, fanning its bindings apart', () => {
    for (const open of [{ bundle: bundleId('iface:host2:eth0', 'container:a1'), selectedEdgeId: null }, { bundle: null, selectedEdgeId: 'binding:host2/web-7' }]) {
      const drawn = bundleEdges(graph.edges, open);
      expect(drawn.some((e) => e.type === 'bundle')).toBe(false);
      expect(drawn).toHaveLength(25);
      const fans = drawn.flatMap((e) => (e.type === 'binding' && e.data?.fan ? [e.data.fan.index] : []));
      expect(fans.sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    }
  });

  it('lights the bundle when one of its bindings is on the selected route', () => {
    const edges = graph.edges.map((e) => (e.id === 'binding:host2/web-3' ? { ...e, data: { ...e.data!, highlighted: true } } : e));
    expect(bundleEdges(edges, { bundle: null, selectedEdgeId: null }).find((e) => e.type === 'bundle')?.className).toBe('route-lit');
  });
});
