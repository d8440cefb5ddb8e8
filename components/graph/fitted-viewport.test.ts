import { describe, expect, it } from 'vitest';
import type { InternalNode } from '@xyflow/react';
import { fittedViewport, isAtViewport, measuredFit } from './fitted-viewport';
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

describe('measuredFit and isAtViewport', () => {
  const measured = (id: string, x: number, y: number, size: { width?: number; height?: number }, hidden = false) =>
    [id, { id, position: { x, y }, hidden, measured: size, internals: { positionAbsolute: { x, y }, z: 0, userNode: {} } } as unknown as InternalNode] as const;

  it('fits the measured nodes as fitView would, the same as the first viewport when sizes are as placed', () => {
    const lookup = new Map([measured('a', 0, 0, { width: 400, height: 200 }), measured('b', 1600, 600, { width: 400, height: 200 })]);
    const pane = { width: 1000, height: 500 };
    const fit = measuredFit(lookup, pane, 0.05)!;
    expect(fit).toEqual(fittedViewport([host('a', 0, 0), host('b', 1600, 600)], pane, 0.05));
    expect(isAtViewport([fit.x, fit.y, fit.zoom], fit)).toBe(true);
    expect(isAtViewport([fit.x + 1, fit.y, fit.zoom], fit)).toBe(false);
    expect(isAtViewport([fit.x, fit.y, fit.zoom * 1.01], fit)).toBe(false);
  });

  it('counts a node measured larger than placed, and leaves out hidden and unmeasured ones', () => {
    const pane = { width: 1000, height: 500 };
    const placedFit = measuredFit(new Map([measured('a', 0, 0, { width: 400, height: 200 }), measured('b', 1600, 600, { width: 400, height: 200 })]), pane, 0.05)!;
    const grown = measuredFit(new Map([measured('a', 0, 0, { width: 400, height: 200 }), measured('b', 1600, 600, { width: 900, height: 200 })]), pane, 0.05)!;
    expect(isAtViewport([placedFit.x, placedFit.y, placedFit.zoom], grown)).toBe(false);
    const withOthers = measuredFit(
      new Map([measured('a', 0, 0, { width: 400, height: 200 }), measured('b', 1600, 600, { width: 400, height: 200 }), measured('h', 9e5, 0, { width: 400, height: 200 }, true), measured('u', -9e5, 0, {})]),
      pane,
      0.05,
    )!;
    expect(withOthers).toEqual(placedFit);
    expect(measuredFit(new Map([measured('u', 0, 0, {})]), pane, 0.05)).toBeNull();
  });
});
