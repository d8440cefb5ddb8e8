import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { endpointHandles, hostHandles } from './node-handles';
import { endpointSize } from './node-sizes';

describe('endpointHandles', () => {
  it('spreads a container’s ports down its left side and puts its overlay handle at the bottom middle', () => {
    const handles = endpointHandles({ kind: 'container', ports: [80, 443] });
    expect(handles.map((h) => [h.id, h.type, h.position])).toEqual([
      ['in:80', 'target', Position.Left],
      ['in:443', 'target', Position.Left],
      ['overlay', 'source', Position.Bottom],
    ]);
    // Centres at a third and two thirds of the height, on the left edge; the overlay handle's centre on the bottom edge.
    expect(handles[0].x + 5).toBe(0);
    expect(handles[0].y + 5).toBeCloseTo(endpointSize.height / 3);
    expect(handles[1].y + 5).toBeCloseTo((2 * endpointSize.height) / 3);
    expect([handles[2].x + 5, handles[2].y + 5]).toEqual([endpointSize.width / 2, endpointSize.height]);
  });

  it('gives an exposed address its front on the right middle beside its ports, and an interface only its front', () => {
    const exposed = endpointHandles({ kind: 'exposed', ports: [3322] });
    expect(exposed.map((h) => h.id)).toEqual(['in:3322', 'out', 'overlay']);
    const front = exposed[1];
    expect([front.x + 5, front.y + 5]).toEqual([endpointSize.width, endpointSize.height / 2]);
    expect(endpointHandles({ kind: 'interface', ports: [] }).map((h) => h.id)).toEqual(['out']);
  });

  it('gives clients and outside services their reach handle, and a bare address none but its ports', () => {
    expect(endpointHandles({ kind: 'client', ports: [] }).map((h) => h.id)).toEqual(['reach']);
    expect(endpointHandles({ kind: 'service', ports: [2211] }).map((h) => h.id)).toEqual(['in:2211', 'reach']);
    expect(endpointHandles({ kind: 'address', ports: [53] }).map((h) => h.id)).toEqual(['in:53']);
  });

  it('puts a host’s reach handle on its top middle, and, collapsed, its way in on the left and its way out on the right', () => {
    expect(hostHandles({ width: 600, height: 300 }, false).map((h) => [h.id, h.x + 5, h.y + 5])).toEqual([['reach', 300, 0]]);
    expect(hostHandles({ width: 230, height: 84 }, true).map((h) => [h.id, h.type, h.x + 5, h.y + 5])).toEqual([
      ['reach', 'target', 115, 0],
      ['in', 'target', 0, 42],
      ['out', 'source', 230, 42],
    ]);
  });
});
