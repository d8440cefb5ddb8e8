import { describe, expect, it } from 'vitest';
import { manyHosts, seedTopology } from '@/components/graph/topology.fixture';
import { layoutLargeNetwork } from '@/components/graph/layout-network';
import { buildGraph } from '@/components/graph/build-graph';
import { initialExpanded } from '@/components/graph/host-expansion';
import { positionsOf, samePositions } from '@/components/graph/placements';
import { initialData, placeNodes } from './console-reducers';

describe('the page placed as it opens (initialData)', () => {
  it('leaves a small network seen for the first time to ELK: every node waits', () => {
    expect(initialData(seedTopology(), {}).nodes.every((n) => n.hidden)).toBe(true);
  });

  it('places nothing without kept positions (the server, which draws no graph), however large the network', () => {
    expect(initialData(manyHosts(100)).nodes.every((n) => n.hidden)).toBe(true);
  });

  it('puts every node where the user kept it, and a node new since then beside the others', () => {
    const first = initialData(seedTopology(), {});
    const placed = placeNodes(first, Object.fromEntries(first.nodes.map((n, i) => [n.id, { x: i * 500, y: 0, width: 300, height: 200 }])));
    const kept = positionsOf(placed.nodes);
    const newcomer = Object.keys(kept).find((id) => id.startsWith('container:'))!;
    const { [newcomer]: _gone, ...keptBefore } = kept;
    const again = initialData(seedTopology(), keptBefore);
    expect(again.nodes.filter((n) => n.hidden)).toEqual([]);
    for (const n of again.nodes) if (keptBefore[n.id]) expect(n.position, n.id).toEqual(keptBefore[n.id]);
    expect(again.nodes.find((n) => n.id === newcomer)?.position).toBeDefined();
    expect(samePositions(positionsOf(again.nodes), keptBefore)).toBe(false);
    expect(samePositions(positionsOf(initialData(seedTopology(), kept).nodes), kept)).toBe(true);
  });

  it('places a network past ELK on the grid at once, as the layout would', () => {
    const topology = manyHosts(100);
    const data = initialData(topology, {});
    expect(data.nodes.some((n) => n.hidden)).toBe(false);
    const graph = buildGraph(topology);
    const grid = layoutLargeNetwork(graph.nodes.map((n) => ({ ...n, hidden: true })), new Set(initialExpanded(graph.nodes)))!;
    for (const n of data.nodes) if (!n.parentId) expect(n.position, n.id).toEqual({ x: grid[n.id].x, y: grid[n.id].y });
    expect(layoutLargeNetwork(buildGraph(seedTopology()).nodes, new Set())).toBeNull();
  });
});

describe('samePositions', () => {
  it('is true only for the same nodes at the same places', () => {
    expect(samePositions({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(samePositions({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 3 } })).toBe(false);
    expect(samePositions({ a: { x: 1, y: 2 } }, { b: { x: 1, y: 2 } })).toBe(false);
    expect(samePositions({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 }, b: { x: 0, y: 0 } })).toBe(false);
    expect(samePositions({}, {})).toBe(true);
  });
});
