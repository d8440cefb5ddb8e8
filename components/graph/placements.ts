import { hostSize, placeInHost, type HostChild } from './host-interior';
import type { LayoutInput, NodePlacement } from './layout-input';
import { collapsedHostSize, endpointSize } from './node-sizes';
import { overlayNodeId, type GraphNode } from './graph-model';
import { gridGap } from './grid-layout';
import type { KeptPositions } from '@/lib/console/layout-positions';

/** Every node's placement from the top-level positions and the hosts' insides; a host is as big as what it holds. */
export function placementsFrom(nodes: readonly GraphNode[], input: Pick<LayoutInput, 'inside'>, top: Record<string, { x: number; y: number }>): Record<string, NodePlacement> {
  const out: Record<string, NodePlacement> = {};
  const insideOf = new Map<string, { x: number; y: number }[]>();
  for (const n of nodes) {
    const at = n.parentId ? input.inside[n.id] : top[n.id];
    if (n.id === overlayNodeId) out[n.id] = { x: 0, y: 0, width: 0, height: 0 };
    if (!at) continue;
    out[n.id] = { ...at, ...endpointSize };
    if (n.parentId) insideOf.set(n.parentId, [...(insideOf.get(n.parentId) ?? []), at]);
  }
  for (const n of nodes) if (n.type === 'host' && out[n.id]) Object.assign(out[n.id], hostSize(insideOf.get(n.id) ?? []));
  return out;
}

const sizeOf = (n: GraphNode) => (n.type === 'host' ? { width: n.width ?? collapsedHostSize.width, height: n.height ?? collapsedHostSize.height } : endpointSize);

/**
 * Places for nodes that have none yet (`hidden`), without moving any node that has one: a new thing
 * inside a host takes a free slot there (the host grows), a new host or outside thing goes to the
 * right of the last of its kind, in the first spot where it overlaps nothing.
 */
export function placeNewNodes(nodes: readonly GraphNode[]): Record<string, NodePlacement> {
  const out: Record<string, NodePlacement> = {};
  const fresh = nodes.filter((n) => n.hidden);
  if (!fresh.length) return out;
  const byHost = new Map<string, HostChild[]>();
  for (const n of nodes) {
    if (!n.parentId || n.type !== 'endpoint') continue;
    byHost.set(n.parentId, [...(byHost.get(n.parentId) ?? []), { id: n.id, kind: n.data.kind, ...(n.hidden ? {} : { position: n.position }) }]);
  }
  for (const [host, children] of byHost) {
    if (!children.some((c) => !c.position)) continue;
    const placed = placeInHost(children);
    for (const [id, at] of Object.entries(placed)) out[id] = { ...at, ...endpointSize };
    const all = children.map((c) => c.position ?? placed[c.id]);
    const h = nodes.find((n) => n.id === host);
    if (h && !h.hidden) out[host] = { ...h.position, ...hostSize(all) };
  }
  const boxes = nodes.filter((n) => !n.parentId && !n.hidden && n.id !== overlayNodeId).map((n) => ({ id: n.id, kind: kindOf(n), ...n.position, ...sizeOf(n) }));
  for (const n of fresh) {
    if (n.id === overlayNodeId) out[n.id] = { x: 0, y: 0, width: 0, height: 0 };
    if (n.parentId || n.id === overlayNodeId) continue;
    const size = n.type === 'host' ? hostSize(Object.entries(out).filter(([id]) => nodes.find((c) => c.id === id)?.parentId === n.id).map(([, p]) => p)) : endpointSize;
    const kin = boxes.filter((b) => b.kind === kindOf(n));
    const lastOfKind = kin.sort((a, b) => a.y - b.y || a.x - b.x).at(-1);
    const start = lastOfKind ? { x: lastOfKind.x + lastOfKind.width + gridGap.x, y: lastOfKind.y } : { x: 0, y: Math.max(0, ...boxes.map((b) => b.y + b.height)) + gridGap.y };
    const at = { ...start };
    while (boxes.some((b) => at.x < b.x + b.width + gridGap.x / 2 && b.x < at.x + size.width + gridGap.x / 2 && at.y < b.y + b.height && b.y < at.y + size.height)) at.x += gridGap.x;
    out[n.id] = { ...at, ...size };
    boxes.push({ id: n.id, kind: kindOf(n), ...at, ...size });
  }
  return out;
}

const kindOf = (n: GraphNode): string => (n.type === 'endpoint' ? n.data.kind : n.type);

/** Placements for the nodes a user kept a position for; a host is as big as its kept insides. */
export function keptPlacements(nodes: readonly GraphNode[], kept: KeptPositions): Record<string, NodePlacement> {
  const out: Record<string, NodePlacement> = {};
  const insideOf = new Map<string, { x: number; y: number }[]>();
  for (const n of nodes) {
    const at = kept[n.id];
    if (!at || n.id === overlayNodeId) continue;
    out[n.id] = { ...at, ...endpointSize };
    if (n.parentId) insideOf.set(n.parentId, [...(insideOf.get(n.parentId) ?? []), at]);
  }
  for (const n of nodes) if (n.type === 'host' && out[n.id]) Object.assign(out[n.id], hostSize(insideOf.get(n.id) ?? []));
  return out;
}

/** Every placed node's position, as a user keeps it (the overlay band is derived, never kept). */
export function positionsOf(nodes: readonly GraphNode[]): KeptPositions {
  const out: KeptPositions = {};
  for (const n of nodes) if (!n.hidden && n.id !== overlayNodeId) out[n.id] = { x: n.position.x, y: n.position.y };
  return out;
}

/** Whether two sets of positions put the same nodes at the same places. */
export function samePositions(a: KeptPositions, b: KeptPositions): boolean {
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  return ids.every((id) => b[id] !== undefined && a[id].x === b[id].x && a[id].y === b[id].y);
}
