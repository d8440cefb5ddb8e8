import { describe, expect, it } from 'vitest';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import type { Topology } from '@/lib/console/topology';
import { buildGraph } from './build-graph';
import { gridLayout } from './grid-layout';
import { initialExpanded, visibleNodeCount } from './host-expansion';
import { layoutInput } from './layout-input';
import { elkMostBoxes } from './layout-network';
import { collapsedHostSize } from './node-sizes';
import { placementsFrom } from './placements';

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
  const graph = buildGraph(largeTopology(200));
  const input = layoutInput(graph.nodes, new Set());

  it('is used at once for a network too large for the layered layout, drawn within the node budget', () => {
    expect(input.boxes.length).toBeGreaterThan(elkMostBoxes);
    expect(visibleNodeCount(graph.nodes, new Set(initialExpanded(graph.nodes)))).toBeLessThanOrEqual(500);
  });

  it('places every node, no two top-level boxes overlapping, children inside their host, in rows about 16:9', () => {
    const top = gridLayout(input);
    const p = placementsFrom(graph.nodes, input, top);
    expect(Object.keys(p).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const boxes = input.boxes.map((b) => ({ ...top[b.id], width: b.width, height: b.height }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
    const child = p['container:c001'];
    expect(child.x + child.width).toBeLessThanOrEqual(p['host:sim001'].width);
    expect(child.y + child.height).toBeLessThanOrEqual(p['host:sim001'].height);
    const width = Math.max(...boxes.map((b) => b.x + b.width));
    const height = Math.max(...boxes.map((b) => b.y + b.height));
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(3);
    expect(boxes.find((b) => b.width === collapsedHostSize.width)).toBeDefined();
  });
});
