import { Position, type NodeHandle } from '@xyflow/react';
import { frontHandle, hostInHandle, overlayHandle, portHandle, reachHandle, type EndpointNodeData } from './graph-model';
import { endpointSize } from './node-sizes';

/** A handle's drawn size in px (`.react-flow__handle` in app/globals.css); nodes centre each on its side. */
export const handleSize = 10;

const half = handleSize / 2;
// An endpoint card's handles sit inside its 1 px border (they are placed in its padding box).
const border = 1;
const { width, height } = endpointSize;
const inner = { width: width - 2 * border, height: height - 2 * border };

/**
 * Where an endpoint node's handles are drawn (relative to the node, as React Flow measures them):
 * its ports down the left side, its front on the right, its overlay or reach handle at the bottom.
 * Given to React Flow with the node, so an edge to a node just drawn (a host opened by a selection)
 * is drawn in the same render, not one measuring pass later. Mirrors `EndpointNode`.
 */
export function endpointHandles(data: Pick<EndpointNodeData, 'kind' | 'ports'>): NodeHandle[] {
  const handles: NodeHandle[] = data.ports.map((port, i) => ({
    id: portHandle(port),
    type: 'target',
    position: Position.Left,
    x: border - half,
    y: border + ((i + 1) / (data.ports.length + 1)) * inner.height - half,
    width: handleSize,
    height: handleSize,
  }));
  if (data.kind === 'interface' || data.kind === 'exposed') handles.push({ id: frontHandle, type: 'source', position: Position.Right, x: width - border - half, y: border + inner.height / 2 - half, width: handleSize, height: handleSize });
  const bottom = data.kind === 'exposed' || data.kind === 'container' ? overlayHandle : data.kind === 'client' || data.kind === 'service' ? reachHandle : null;
  if (bottom) handles.push({ id: bottom, type: 'source', position: Position.Bottom, x: border + inner.width / 2 - half, y: height - border - half, width: handleSize, height: handleSize });
  return handles;
}

/**
 * Where a host node's handles are drawn, at its drawn size: what reaches it on top, and, collapsed,
 * bindings into the box on the left and out of it on the right. Mirrors `HostNode`.
 */
export function hostHandles(size: { width: number; height: number }, collapsed: boolean): NodeHandle[] {
  const handles: NodeHandle[] = [{ id: reachHandle, type: 'target', position: Position.Top, x: size.width / 2 - half, y: -half, width: handleSize, height: handleSize }];
  if (collapsed) {
    handles.push({ id: hostInHandle, type: 'target', position: Position.Left, x: -half, y: size.height / 2 - half, width: handleSize, height: handleSize });
    handles.push({ id: frontHandle, type: 'source', position: Position.Right, x: size.width - half, y: size.height / 2 - half, width: handleSize, height: handleSize });
  }
  return handles;
}

/** Where the overlay band's one handle is drawn, at its drawn size: on its top middle, where the addresses and containers on it attach. Mirrors `OverlayNode`. */
export function overlayHandles(size: { width: number; height: number }): NodeHandle[] {
  return [{ id: overlayHandle, type: 'target', position: Position.Top, x: size.width / 2 - half, y: -half, width: handleSize, height: handleSize }];
}
