import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { endpointHandles, hostHandles, overlayHandles } from './node-handles';
import { endpointSize } from './node-sizes';

describe('endpointHandles', () => {
  it('spreads a container’s ports down its left side and puts its overlay handle at the bottom middle', () => {
    const handles = endpointHandles({ kind: 'container', ports: [80, 443] });
    expect(handles.map((h) => [h.id, h.type, h.position])).toEqual([
      ['in:80', 'target', Position.Left],
      ['in:443', 'target', Position.Left],
      ['overlay', 'source', Position.Bottom],
    ]);
    // As the browser draws them (measured on a 176×58 card): centred a third and two thirds down the
    // inside of its 1 px border, on the inner left edge; the overlay handle centred on the inner bottom edge.
    expect(endpointSize).toEqual({ width: 176, height: 58 });
    expect(handles.map((h) => [h.x, Math.round(h.y * 100) / 100, h.width, h.height])).toEqual([
      [-4, 14.67, 10, 10],
      [-4, 33.33, 10, 10],
      [83, 52, 10, 10],
    ]);
  });

  it('gives an exposed address its front on the right middle beside its ports, and an interface only its front', () => {
    const exposed = endpointHandles({ kind: 'exposed', ports: [3322] });
    expect(exposed.map((h) => h.id)).toEqual(['in:3322', 'out', 'overlay']);
    expect(exposed.map((h) => [h.x, h.y])).toEqual([[-4, 24], [170, 24], [83, 52]]);
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

  it('puts the overlay band’s handle on its top middle', () => {
    expect(overlayHandles({ width: 1000, height: 40 }).map((h) => [h.id, h.type, h.x + 5, h.y + 5])).toEqual([['overlay', 'target', 500, 0]]);
  });
});
