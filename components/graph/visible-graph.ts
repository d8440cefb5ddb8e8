import { bundleEdges } from './bundle-edges';
import { collapsedHostSize, overlayBand } from './node-sizes';
import {
  frontHandle,
  hostInHandle,
  overlayHandle,
  overlayNodeId,
  reachHandle,
  type BindingEdge,
  type EndpointNode,
  type FlowEdge,
  type GraphNode,
  type HostNode,
  type LinkEdge,
} from './graph-model';
import { nodeId } from './node-ids';
import { endpointHandles, hostHandles, overlayHandles } from './node-handles';
import { endpointSize } from './node-sizes';

/** What the operator chose to look at. */
export interface GraphView {
  /** Hosts drawn open, with their insides. */
  expanded: readonly string[];
  /** A bundle drawn as its bindings one by one. */
  openBundle: string | null;
  selectedEdgeId: string | null;
}

/** The nodes and edges one view draws. */
export interface VisibleGraph {
  nodes: GraphNode[];
  edges: FlowEdge[];
}

/**
 * What to draw of the placed graph: collapsed hosts as small boxes (their insides left out, and
 * bindings that start or end inside them drawn from or to the box), parallel bindings bundled,
 * clients linked to the hosts they reach, exposed addresses and containers of open hosts linked
 * to the overlay band, which spans the hosts underneath. The hosts at both ends of the selected
 * binding are drawn open, so it can be seen.
 */
export function visibleGraph(nodes: readonly GraphNode[], edges: readonly BindingEdge[], view: GraphView): VisibleGraph {
  const open = new Set(view.expanded);
  const selected = edges.find((e) => e.id === view.selectedEdgeId);
  const parentOf = new Map<string, string>();
  for (const n of nodes) if (n.parentId) parentOf.set(n.id, n.parentId);
  if (selected) for (const end of [selected.source, selected.target]) if (parentOf.has(end)) open.add(parentOf.get(end)!);

  const drawn: GraphNode[] = [];
  const names = new Map<string, string>();
  for (const n of nodes) {
    if (n.parentId && !open.has(n.parentId)) continue;
    if (n.type === 'host') {
      names.set(n.id, n.data.name);
      drawn.push(open.has(n.id) ? opened(n) : collapsed(n));
      continue;
    }
    if (n.type === 'endpoint') {
      names.set(n.id, n.data.label);
      drawn.push(withHandles(n));
      continue;
    }
    drawn.push(n);
  }
  placeOverlay(drawn);

  // A binding whose end is inside a collapsed host is drawn to that host's box, and cannot be dragged there.
  const moved = edges.map((e): BindingEdge => {
    const from = parentOf.get(e.source);
    const to = parentOf.get(e.target);
    return toClosedHosts(e, from !== undefined && !open.has(from) ? from : undefined, to !== undefined && !open.has(to) ? to : undefined);
  });
  const bindings = bundleEdges(moved, { bundle: view.openBundle, selectedEdgeId: view.selectedEdgeId }, (id) => names.get(id) ?? id);
  return { nodes: drawn, edges: [...bindings, ...links(drawn)] };
}

// The objects drawn for a node or edge are made once per input object (and per host it is drawn at), so a
// selection that changes little hands React Flow the same objects and only what changed is compared and redrawn.
const collapsedOf = new WeakMap<HostNode, HostNode>();
const openedOf = new WeakMap<HostNode, HostNode>();
const handlesOf = new WeakMap<EndpointNode, EndpointNode>();
const movedOf = new WeakMap<BindingEdge, { from: string | undefined; to: string | undefined; edge: BindingEdge }>();

// Nodes are drawn with their size as measured and their handles where they will be: React Flow then draws
// the edges of a host just opened in the same render, and measures nothing whose size it already has
// (a host's size changing on open was otherwise measured, reported and drawn once more).

/** A host drawn closed: the small box saying what it holds. */
function collapsed(n: HostNode): HostNode {
  let c = collapsedOf.get(n);
  if (!c) {
    const size = { width: collapsedHostSize.width, height: collapsedHostSize.height };
    collapsedOf.set(n, (c = { ...n, ...size, measured: size, handles: hostHandles(size, true), data: { ...n.data, collapsed: true } }));
  }
  return c;
}

/** A host drawn open, at its laid-out size (none yet: React Flow measures it). */
function opened(n: HostNode): HostNode {
  if (n.width === undefined || n.height === undefined) return n;
  let o = openedOf.get(n);
  if (!o) {
    const size = { width: n.width, height: n.height };
    openedOf.set(n, (o = { ...n, measured: size, handles: hostHandles(size, false) }));
  }
  return o;
}

/** An endpoint with its size and handles given. */
function withHandles(n: EndpointNode): EndpointNode {
  let h = handlesOf.get(n);
  if (!h) handlesOf.set(n, (h = { ...n, width: endpointSize.width, height: endpointSize.height, measured: n.measured ?? endpointSize, handles: endpointHandles(n.data) }));
  return h;
}

/** A binding with its ends inside closed hosts (`from`, `to`) drawn at those hosts' boxes, not draggable there. */
function toClosedHosts(e: BindingEdge, from: string | undefined, to: string | undefined): BindingEdge {
  if (from === undefined && to === undefined) return e;
  const last = movedOf.get(e);
  if (last && last.from === from && last.to === to) return last.edge;
  const edge: BindingEdge = {
    ...e,
    ...(from !== undefined ? { source: from, sourceHandle: frontHandle } : {}),
    ...(to !== undefined ? { target: to, targetHandle: hostInHandle } : {}),
    reconnectable: false,
  };
  movedOf.set(e, { from, to, edge });
  return edge;
}

// Each drawn endpoint's links, made once per endpoint object and link id (a link is all in its endpoint and its id).
const linksOf = new WeakMap<EndpointNode, Map<string, LinkEdge>>();
function link(n: EndpointNode, id: string, make: () => LinkEdge): LinkEdge {
  let made = linksOf.get(n);
  if (!made) linksOf.set(n, (made = new Map()));
  let l = made.get(id);
  if (!l) made.set(id, (l = make()));
  return l;
}

/** Clients to the hosts they reach, hosts to the outside services they reach; open hosts' exposed addresses and containers to the overlay. */
function links(drawn: readonly GraphNode[]): LinkEdge[] {
  const ids = new Set(drawn.map((n) => n.id));
  const out: LinkEdge[] = [];
  for (const n of drawn) {
    if (n.type !== 'endpoint' || n.hidden) continue;
    if (n.data.kind === 'client') {
      for (const h of n.data.reaches ?? []) {
        const host = nodeId.host(h);
        const id = `reaches:${n.id}->${host}`;
        if (ids.has(host)) out.push(link(n, id, () => ({ id, type: 'link', ariaLabel: `${n.data.label} reaches ${h}`, source: n.id, sourceHandle: reachHandle, target: host, targetHandle: reachHandle, selectable: false, focusable: false, data: { kind: 'reaches' } })));
      }
    }
    if (n.data.kind === 'service') {
      for (const h of n.data.reachableFrom ?? []) {
        const host = nodeId.host(h);
        const id = `reaches:${host}->${n.id}`;
        if (ids.has(host)) out.push(link(n, id, () => ({ id, type: 'link', ariaLabel: `${h} reaches ${n.data.label}`, source: n.id, sourceHandle: reachHandle, target: host, targetHandle: reachHandle, selectable: false, focusable: false, data: { kind: 'reaches' } })));
      }
    }
    if ((n.data.kind === 'exposed' || n.data.kind === 'container') && n.parentId && ids.has(overlayNodeId)) {
      const id = `overlay:${n.id}`;
      out.push(link(n, id, () => ({ id, type: 'link', ariaLabel: `${n.data.label} on the overlay`, source: n.id, sourceHandle: overlayHandle, target: overlayNodeId, targetHandle: overlayHandle, selectable: false, focusable: false, data: { kind: 'overlay' } })));
    }
  }
  return out;
}

// The band as last placed, per overlay node: the same object while the hosts it spans are where they were.
const bandOf = new WeakMap<GraphNode, { left: number; right: number; bottom: number; band: GraphNode }>();

/** The overlay band spans the drawn hosts, just under the lowest of them. */
function placeOverlay(drawn: GraphNode[]): void {
  const i = drawn.findIndex((n) => n.id === overlayNodeId);
  if (i < 0) return;
  const hosts = drawn.filter((n): n is HostNode => n.type === 'host' && !n.hidden);
  if (!hosts.length) {
    drawn.splice(i, 1);
    return;
  }
  const left = Math.min(...hosts.map((h) => h.position.x));
  const right = Math.max(...hosts.map((h) => h.position.x + (h.width ?? collapsedHostSize.width)));
  const bottom = Math.max(...hosts.map((h) => h.position.y + (h.height ?? collapsedHostSize.height)));
  const last = bandOf.get(drawn[i]);
  if (last && last.left === left && last.right === right && last.bottom === bottom) {
    drawn[i] = last.band;
    return;
  }
  const size = { width: right - left, height: overlayBand.height };
  const band = { ...drawn[i], hidden: false, position: { x: left, y: bottom + overlayBand.gap }, ...size, measured: size, handles: overlayHandles(size) } as GraphNode;
  bandOf.set(drawn[i], { left, right, bottom, band });
  drawn[i] = band;
}
