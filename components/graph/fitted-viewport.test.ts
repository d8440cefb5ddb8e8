import { describe, expect, it } from 'vitest';
import { fittedViewport } from './fitted-viewport';
import type { GraphNode } from './graph-model';

const host = (id: string, x: number, y: number, hidden = false): GraphNode =>
  ({ id, type: 'host', position: { x, y }, width: 400, height: 200, hidden, data: { name: id, transport: 'sim', reachable: true, warnings: [] } }) as GraphNode;
const child = (id: string, parentId: string): GraphNode =>
  ({ id, type: 'endpoint', parentId, position: { x: 5000, y: 5000 }, data: { kind: 'interface', label: id, ports: [] } }) as GraphNode;

describe('fittedViewport', () => {
  it('centres the placed top-level nodes and zooms so they fill the pane with the padding around', () => {
    const v = fittedViewport([host('a', 0, 0), host('b', 1600, 600), child('c', 'a')], { width: 1000, height: 500 }, 0.05)!;
    // Bounds 2000 × 800: the width decides; the network fills most of the pane's width, with room left around it.
    expect(2000 * v.zoom).toBeLessThan(1000);
    expect(2000 * v.zoom).toBeGreaterThan(800);
    // The middle of the bounds (1000, 400) lands in the middle of the pane.
    expect(v.x + 1000 * v.zoom).toBeCloseTo(500, 5);
    expect(v.y + 400 * v.zoom).toBeCloseTo(250, 5);
  });

  it('never zooms in beyond 1 nor out beyond the least zoom', () => {
    expect(fittedViewport([host('a', 0, 0)], { width: 4000, height: 4000 }, 0.05)!.zoom).toBe(1);
    expect(fittedViewport([host('a', 0, 0), host('b', 1e6, 0)], { width: 1000, height: 500 }, 0.05)!.zoom).toBe(0.05);
  });

  it('leaves out nodes not placed yet, and says nothing while none is', () => {
    expect(fittedViewport([host('a', 0, 0, true)], { width: 1000, height: 500 }, 0.05)).toBeNull();
    const v = fittedViewport([host('a', 0, 0), host('b', 1e6, 0, true)], { width: 1000, height: 500 }, 0.05)!;
    expect(v.zoom).toBe(1);
  });
});
