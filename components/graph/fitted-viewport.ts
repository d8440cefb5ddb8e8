import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { GraphNode } from './graph-model';
import { collapsedHostSize, endpointSize } from './node-sizes';

/** How the graph fits the network into view: the padding around it (a share of the pane) and the closest zoom. */
export const fitOptions = { padding: 0.08, maxZoom: 1 } as const;

const sizeOf = (n: GraphNode) => ({
  width: n.measured?.width ?? n.width ?? (n.type === 'host' ? collapsedHostSize.width : endpointSize.width),
  height: n.measured?.height ?? n.height ?? (n.type === 'host' ? collapsedHostSize.height : endpointSize.height),
});

/**
 * The viewport that shows every placed top-level node (children sit inside their hosts) in a pane
 * of this size, as React Flow's fitView would once the nodes are measured; null while nothing is placed.
 * Known before the first render, so the graph is drawn fitted at once instead of at zoom 1 first.
 */
export function fittedViewport(nodes: readonly GraphNode[], pane: { width: number; height: number }, minZoom: number): Viewport | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    if (n.parentId || n.hidden) continue;
    const { width, height } = sizeOf(n);
    left = Math.min(left, n.position.x);
    top = Math.min(top, n.position.y);
    right = Math.max(right, n.position.x + width);
    bottom = Math.max(bottom, n.position.y + height);
  }
  if (left === Infinity || !pane.width || !pane.height) return null;
  return getViewportForBounds({ x: left, y: top, width: right - left, height: bottom - top }, pane.width, pane.height, minZoom, fitOptions.maxZoom, fitOptions.padding);
}
