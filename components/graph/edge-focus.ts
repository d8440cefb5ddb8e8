import type { GraphNode } from './graph-model';
import { endpointSize } from './node-sizes';

/** A rectangle in the graph's own coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a node is drawn in the graph's coordinates (its parents' places added), or null while it has no place. */
export function nodeRect(nodes: readonly GraphNode[], id: string): Rect | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node || node.hidden) return null;
  let x = node.position.x;
  let y = node.position.y;
  for (let p = node.parentId ? byId.get(node.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
    x += p.position.x;
    y += p.position.y;
  }
  const width = node.measured?.width ?? node.width ?? endpointSize.width;
  const height = node.measured?.height ?? node.height ?? endpointSize.height;
  return { x, y, width, height };
}

/** The smallest rectangle holding all of these. */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (!rects.length) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The viewport that centres `rect` in a pane of `pane` size: its centre, and the zoom at which it
 * fits with `padding` px around it, no closer than `maxZoom` and no farther than `minZoom`.
 */
export function focusOn(rect: Rect, pane: { width: number; height: number }, o: { padding?: number; minZoom?: number; maxZoom?: number } = {}): { x: number; y: number; zoom: number } {
  const padding = o.padding ?? 80;
  const fit = Math.min(Math.max(1, pane.width - 2 * padding) / rect.width, Math.max(1, pane.height - 2 * padding) / rect.height);
  const zoom = Math.min(o.maxZoom ?? 1.2, Math.max(o.minZoom ?? 0.1, fit));
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, zoom };
}
