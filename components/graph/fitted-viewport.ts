import { getViewportForBounds, type InternalNode, type Viewport } from '@xyflow/react';
import { getInternalNodesBounds } from '@xyflow/system';
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

/**
 * The viewport React Flow's fitView would move to, from its measured nodes (those drawn and measured,
 * as fitView counts them); null while none is measured.
 */
export function measuredFit(nodeLookup: ReadonlyMap<string, InternalNode>, pane: { width: number; height: number }, minZoom: number): Viewport | null {
  const drawn = (n: InternalNode) => Boolean(n.measured.width && n.measured.height && !n.hidden);
  if (!pane.width || !pane.height || ![...nodeLookup.values()].some(drawn)) return null;
  const bounds = getInternalNodesBounds(nodeLookup as Map<string, InternalNode>, { filter: drawn });
  return getViewportForBounds(bounds, pane.width, pane.height, minZoom, fitOptions.maxZoom, fitOptions.padding);
}

/** Whether a React Flow transform ([x, y, zoom]) is this viewport, to within a hundredth of a pixel and of a percent of zoom. */
export function isAtViewport([x, y, zoom]: readonly [number, number, number], v: Viewport): boolean {
  return Math.abs(x - v.x) < 0.01 && Math.abs(y - v.y) < 0.01 && Math.abs(zoom - v.zoom) < 1e-4;
}
