import { describe, expect, it } from 'vitest';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import type { Topology } from '@/lib/console/topology';
import { buildGraph } from './build-graph';
import { gridLayout } from './grid-layout';
import { layoutGraph } from './layout-graph';

// A large network as the hub draws it before any host answered: hosts known, insides not yet.
function largeTopology(hosts: number): Topology {
  const inv = generateSimInventory({ hosts, bindings: 0 });
  return {
    hosts: inv.hosts.map((h) => ({ name: h.name, transport: h.transport, reachable: false as const, error: 'waiting', connecting: true })),
    containers: inv.containers,
    services: inv.services,
    clients: inv.clients,
    loadedAt: '',
  };
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('gridLayout', () => {
  it('places every node, no two top-level nodes overlapping, children inside their host', () => {
    const graph = buildGraph(largeTopology(50));
    const host = graph.nodes.find((n) => n.id === 'host:sim001')!;
    graph.nodes.push({ id: 'iface:sim001:eth0', type: 'endpoint', position: { x: 0, y: 0 }, parentId: host.id, data: { kind: 'interface', label: 'eth0', ports: [] } });
    const p = gridLayout(graph);
    expect(Object.keys(p).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const top = graph.nodes.filter((n) => !n.parentId).map((n) => p[n.id]);
    for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) expect(overlap(top[i], top[j])).toBe(false);
    const child = p['iface:sim001:eth0'];
    expect(child.x + child.width).toBeLessThanOrEqual(p[host.id].width);
    expect(child.y + child.height).toBeLessThanOrEqual(p[host.id].height);
  });

  it('is what layoutGraph uses for a network too large for the layered layout', async () => {
    const graph = buildGraph(largeTopology(200));
    expect(await layoutGraph(graph)).toEqual(gridLayout(graph));
  });
});
