import { bundleEdges } from './bundle-edges';
import { collapsedHostSize, overlayBand } from './node-sizes';
import {
  frontHandle,
  hostInHandle,
  overlayHandle,
  overlayNodeId,
  reachHandle,
  type BindingEdge,
  type FlowEdge,
  type GraphNode,
  type HostNode,
  type LinkEdge,
} from './graph-model';
import { nodeId } from './node-ids';

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
      if (!open.has(n.id)) {
        drawn.push({ ...n, width: collapsedHostSize.width, height: collapsedHostSize.height, data: { ...n.data, collapsed: true } } as HostNode);
        continue;
      }
    } else if (n.type === 'endpoint') names.set(n.id, n.data.label);
    drawn.push(n);
  }
  placeOverlay(drawn);

  // A binding whose end is inside a collapsed host is drawn to that host's box, and cannot be dragged there.
  const moved = edges.map((e): BindingEdge => {
    const from = parentOf.get(e.source);
    const to = parentOf.get(e.target);
    const fromClosed = from !== undefined && !open.has(from);
    const toClosed = to !== undefined && !open.has(to);
    if (!fromClosed && !toClosed) return e;
    return {
      ...e,
      ...(fromClosed ? { source: from, sourceHandle: frontHandle } : {}),
      ...(toClosed ? { target: to, targetHandle: hostInHandle } : {}),
      reconnectable: false,
    };
  });
  const bindings = bundleEdges(moved, { bundle: view.openBundle, selectedEdgeId: view.selectedEdgeId }, (id) => names.get(id) ?? id);
  return { nodes: drawn, edges: [...bindings, ...links(drawn)] };
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
        if (ids.has(host)) out.push({ id: `reaches:${n.id}->${host}`, type: 'link', ariaLabel: `${n.data.label} reaches ${h}`, source: n.id, sourceHandle: reachHandle, target: host, targetHandle: reachHandle, selectable: false, focusable: false, data: { kind: 'reaches' } });
      }
    }
    if (n.data.kind === 'service') {
      for (const h of n.data.reachableFrom ?? []) {
        const host = nodeId.host(h);
        if (ids.has(host)) out.push({ id: `reaches:${host}->${n.id}`, type: 'link', ariaLabel: `${h} reaches ${n.data.label}`, source: n.id, sourceHandle: reachHandle, target: host, targetHandle: reachHandle, selectable: false, focusable: false, data: { kind: 'reaches' } });
      }
    }
    if ((n.data.kind === 'exposed' || n.data.kind === 'container') && n.parentId && ids.has(overlayNodeId)) {
      out.push({ id: `overlay:${n.id}`, type: 'link', ariaLabel: `${n.data.label} on the overlay`, source: n.id, sourceHandle: overlayHandle, target: overlayNodeId, targetHandle: overlayHandle, selectable: false, focusable: false, data: { kind: 'overlay' } });
    }
  }
  return out;
}

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
  drawn[i] = { ...drawn[i], hidden: false, position: { x: left, y: bottom + overlayBand.gap }, width: right - left, height: overlayBand.height } as GraphNode;
}
