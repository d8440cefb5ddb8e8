import { describe, expect, it } from 'vitest';
import type { GraphNode } from './graph-model';
import { focusOn, nodeRect, unionRect } from './edge-focus';
import { endpointSize } from './node-sizes';

const host = (id: string, x: number, y: number): GraphNode => ({ id, type: 'host', position: { x, y }, width: 600, height: 300, data: { name: id, transport: 'sim', reachable: true, warnings: [] } });
const inside = (id: string, parentId: string, x: number, y: number, measured?: { width: number; height: number }): GraphNode => ({ id, type: 'endpoint', parentId, position: { x, y }, ...(measured ? { measured } : {}), data: { kind: 'interface', label: id, ports: [] } });

describe('focusing the graph on a binding', () => {
  const nodes = [host('host:a', 1000, 500), inside('iface:a:eth0', 'host:a', 20, 40, { width: 180, height: 60 }), inside('exposed:a:x', 'host:a', 300, 200), { ...host('host:b', 0, 0), hidden: true }];

  it('places a node inside a host at the host place plus its own, with its measured (or drawn) size', () => {
    expect(nodeRect(nodes, 'iface:a:eth0')).toEqual({ x: 1020, y: 540, width: 180, height: 60 });
    expect(nodeRect(nodes, 'exposed:a:x')).toEqual({ x: 1300, y: 700, ...endpointSize });
    expect(nodeRect(nodes, 'host:a')).toEqual({ x: 1000, y: 500, width: 600, height: 300 });
    // Not placed yet, or not there: nothing to focus on.
    expect(nodeRect(nodes, 'host:b')).toBeNull();
    expect(nodeRect(nodes, 'nowhere')).toBeNull();
  });

  it('frames both ends of an edge', () => {
    expect(unionRect([{ x: 0, y: 0, width: 10, height: 10 }, { x: 100, y: -20, width: 10, height: 10 }])).toEqual({ x: 0, y: -20, width: 110, height: 30 });
    expect(unionRect([])).toBeNull();
  });

  it('centres the frame and zooms to fit it with padding, within the zoom limits', () => {
    const pane = { width: 1000, height: 600 };
    expect(focusOn({ x: 0, y: 0, width: 840, height: 100 }, pane, { padding: 80, maxZoom: 2 })).toEqual({ x: 420, y: 50, zoom: 1 });
    // Two small neighbours are not blown up past maxZoom; two far-apart ends are not shrunk past minZoom.
    expect(focusOn({ x: 0, y: 0, width: 50, height: 50 }, pane).zoom).toBe(1.2);
    expect(focusOn({ x: -50000, y: 0, width: 100000, height: 10 }, pane, { minZoom: 0.1 })).toEqual({ x: 0, y: 5, zoom: 0.1 });
  });
});
