import { placeInHost, hostSize, type HostChild } from './host-interior';
import { collapsedHostSize, endpointSize } from './node-sizes';
import { overlayNodeId, type GraphNode } from './graph-model';
import { nodeId } from './node-ids';

/** A top-level box to place, and the band (row of the picture) it belongs to. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
  /** Rows top to bottom: outside things (clients, services, addresses), then the host rows. */
  row: number;
}

/** What the top-level layout needs: boxes in rows, the links that should keep related boxes near each other, and every host's insides. */
export interface LayoutInput {
  boxes: LayoutBox[];
  links: { source: string; target: string }[];
  /** Children's places relative to their host, decided by the host itself. */
  inside: Record<string, { x: number; y: number }>;
}

/** Where a node goes, relative to its parent group, and how big it is. */
export interface NodePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How many boxes of this size go in one row so the picture comes out about 16:9. */
export function rowLength(count: number, box: { width: number; height: number }): number {
  return Math.max(1, Math.ceil(Math.sqrt((count * 1.8 * (box.height + 60)) / (box.width + 40))));
}

/**
 * The picture's structure, before any coordinates: outside things on top, hosts in rows under them
 * (sized by what they hold, or collapsed), the overlay band under the hosts. Links say which outside
 * thing belongs near which host: a client above the hosts it reaches, a service above the hosts that reach it.
 */
export function layoutInput(nodes: readonly GraphNode[], expanded: ReadonlySet<string>): LayoutInput {
  const inside: Record<string, { x: number; y: number }> = {};
  const children = new Map<string, HostChild[]>();
  for (const n of nodes) {
    if (!n.parentId || n.type !== 'endpoint') continue;
    const list = children.get(n.parentId) ?? [];
    list.push({ id: n.id, kind: n.data.kind });
    children.set(n.parentId, list);
  }
  const hosts: LayoutBox[] = [];
  const outside: LayoutBox[] = [];
  const links: LayoutInput['links'] = [];
  for (const n of nodes) {
    if (n.parentId || n.id === overlayNodeId) continue;
    if (n.type === 'host') {
      const placed = placeInHost(children.get(n.id) ?? []);
      Object.assign(inside, placed);
      const size = expanded.has(n.id) ? hostSize(Object.values(placed)) : collapsedHostSize;
      hosts.push({ id: n.id, ...size, row: 0 });
    } else if (n.type === 'endpoint') {
      outside.push({ id: n.id, ...endpointSize, row: 0 });
      if (n.data.kind === 'client') for (const h of n.data.reaches ?? []) links.push({ source: n.id, target: nodeId.host(h) });
      if (n.data.kind === 'service') for (const h of n.data.reachableFrom ?? []) links.push({ source: n.id, target: nodeId.host(h) });
    }
  }
  // Hosts the clients reach first: bindings mostly run from them inwards, left to right.
  const reached = new Set(links.filter((l) => l.source.startsWith('client:')).map((l) => l.target));
  hosts.sort((a, b) => Number(reached.has(b.id)) - Number(reached.has(a.id)));
  const widest = Math.max(collapsedHostSize.width, ...hosts.map((h) => h.width));
  const tallest = Math.max(collapsedHostSize.height, ...hosts.map((h) => h.height));
  const perHostRow = rowLength(hosts.length, { width: widest, height: tallest });
  // The outside rows are about as wide as the host rows.
  const perOutsideRow = Math.max(1, Math.floor((perHostRow * (widest + 40)) / (endpointSize.width + 40)));
  const outsideRows = Math.ceil(outside.length / perOutsideRow);
  outside.forEach((b, i) => (b.row = Math.floor(i / perOutsideRow)));
  hosts.forEach((b, i) => (b.row = outsideRows + Math.floor(i / perHostRow)));
  const known = new Set([...hosts, ...outside].map((b) => b.id));
  return { boxes: [...outside, ...hosts], links: links.filter((l) => known.has(l.target)), inside };
}
