import type { Box } from './label-placement';
import { hostFrame } from './node-sizes';

/** A drawn node as the label placement sees it: its kind, whether it is collapsed, and its box in flow coordinates. */
export interface DrawnNode extends Box {
  type: string | undefined;
  collapsed?: boolean;
}

/**
 * What an edge label must not cover: an open host's header (its name and badges; the inside is room for
 * edges), and the whole of every other node (a collapsed host, an endpoint, the overlay band).
 */
export function labelObstacles(nodes: readonly DrawnNode[]): Box[] {
  return nodes.map((n) => (n.type === 'host' && !n.collapsed ? { x: n.x, y: n.y, width: n.width, height: Math.min(n.height, hostFrame.header) } : { x: n.x, y: n.y, width: n.width, height: n.height }));
}
