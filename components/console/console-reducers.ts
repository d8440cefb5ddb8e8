import type { HostView, Topology } from '@/lib/console/topology';
import { buildGraph } from '@/components/graph/build-graph';
import { keepGraph } from '@/components/graph/keep-graph';
import { sameValue } from '@/components/graph/unchanged-elements';
import type { BindingEdge, GraphModel, GraphNode } from '@/components/graph/graph-model';
import { portHandle } from '@/components/graph/graph-model';
import { routePath } from '@/components/graph/route-path';
import type { NodePlacement } from '@/components/graph/layout-input';
import { initialExpanded, nodeBudget, openHosts } from '@/components/graph/host-expansion';
import { layoutLargeNetwork } from '@/components/graph/layout-network';
import { keptPlacements, placeNewNodes } from '@/components/graph/placements';
import type { KeptPositions } from '@/lib/console/layout-positions';
import { nodeId } from '@/components/graph/node-ids';
import { keyOfEdgeId, keyText, type BindingKey } from './binding-key';
import { sampleTraffic, type TrafficSample } from './traffic-rate';

/** Which form the side panel shows. */
export type Panel = 'export' | 'import' | 'expose' | 'route';

/** An edge moved by a drag, waiting for its host to accept the rebind. */
export interface PendingRebind {
  target: string;
  port: number;
}

/** Everything the console keeps between renders (React Flow keeps its own viewport and measurements). */
export interface ConsoleData {
  topology: Topology;
  graph: GraphModel;
  /** Graph nodes with their kept positions; `hidden` until the layout has placed them. */
  nodes: GraphNode[];
  /** The one selection the table, the graph and the inspector share: a binding or a foreign rule. */
  selection: BindingKey | null;
  /** The selection's edge id (`keyText(selection)`), kept beside it for the graph's edge lookups. */
  selectedEdgeId: string | null;
  pending: Record<string, PendingRebind>;
  panel: Panel | null;
  /** The last result, read out by the aria-live region. */
  announcement: string;
  /** Why the last drag-rebind was refused, shown in an alert. */
  dragError: string | null;
  /** Hosts drawn open, least recently opened first (a large network opens with none). */
  expanded: string[];
  /** The bundle of parallel bindings drawn one by one. */
  openedBundle: string | null;
  /** Each binding edge's connection counter readings over the last minute, for its rate. */
  traffic: Record<string, TrafficSample[]>;
  /** Where the user had the nodes when the page opened (what is placed anew is kept for them too). */
  kept: KeptPositions;
}

/**
 * A fresh console over a topology. Given the user's kept positions (in the browser; `{}` for none
 * yet), it is placed as far as it can be at once, before anything is drawn: at those positions
 * (nodes new since then beside them), or, for a network past ELK's reach, on the grid; a small
 * network seen for the first time waits for ELK. Without them (the server, which draws no graph),
 * every node waits.
 */
export function initialData(topology: Topology, kept?: KeptPositions): ConsoleData {
  const graph = buildGraph(topology);
  const data: ConsoleData = {
    topology,
    graph,
    nodes: graph.nodes.map((n) => ({ ...n, hidden: true })),
    selection: null,
    selectedEdgeId: null,
    pending: {},
    panel: null,
    announcement: '',
    dragError: null,
    expanded: initialExpanded(graph.nodes),
    openedBundle: null,
    traffic: sampleTraffic({}, topology),
    kept: kept ?? {},
  };
  if (!kept) return data;
  const fromKept = keptPlacements(data.nodes, kept);
  if (Object.keys(fromKept).length) {
    const placed = placeNodes(data, fromKept);
    return placeNodes(placed, placeNewNodes(placed.nodes));
  }
  const grid = layoutLargeNetwork(data.nodes, new Set(data.expanded));
  return grid ? placeNodes(data, grid) : data;
}

/**
 * Take a newer topology: nodes that already have a place keep it (and their measured size),
 * new nodes wait hidden for layout, and a selection that no longer exists is dropped. What did not
 * change stays the same object (see `keepGraph`): an unchanged node is the very node drawn before.
 */
export function applyTopology(data: ConsoleData, topology: Topology): ConsoleData {
  const graph = keepGraph(data.graph, buildGraph(topology));
  const unchanged = new Set<GraphNode>(data.graph.nodes);
  const previous = new Map(data.nodes.map((n) => [n.id, n]));
  const nodes =
    graph.nodes === data.graph.nodes
      ? data.nodes
      : graph.nodes.map((n): GraphNode => {
          const old = previous.get(n.id);
          if (!old) return { ...n, hidden: true };
          if (unchanged.has(n)) return old;
          return { ...n, position: old.position, width: old.width, height: old.height, measured: old.measured, hidden: old.hidden, selected: old.selected } as GraphNode;
        });
  const selection = data.selection && stillThere(topology, graph, data.selection) ? data.selection : null;
  // A small network stays all open, new hosts included.
  const expanded = graph.nodes.length <= nodeBudget ? initialExpanded(graph.nodes) : data.expanded;
  return { ...data, topology, graph, nodes, selection, selectedEdgeId: selection ? keyText(selection) : null, expanded, traffic: sampleTraffic(data.traffic, topology) };
}

/** Whether a selected binding (or foreign rule) is still reported by its host. */
function stillThere(topology: Topology, graph: GraphModel, key: BindingKey): boolean {
  if (key.kind === 'binding') return graph.edges.some((e) => e.id === keyText(key));
  return Boolean(topology.hosts.find((h) => h.name === key.host)?.status?.foreign.some((f) => f.ref === key.ref));
}

/**
 * Take hosts the server sent (pushed over SSE, or in an action's result): each replaces the view
 * of its host unless the view held is newer. Hosts not named keep their view; positions stay.
 */
export function applyHosts(data: ConsoleData, views: readonly HostView[], version?: number): ConsoleData {
  const byName = new Map(data.topology.hosts.map((h) => [h.name, h]));
  let changed = false;
  for (const v of views) {
    const held = byName.get(v.name);
    if (!held || (held.seq !== undefined && v.seq !== undefined && v.seq <= held.seq)) continue;
    byName.set(v.name, v);
    changed = true;
  }
  const newest = Math.max(data.topology.version ?? 0, version ?? 0, ...views.map((v) => v.seq ?? 0));
  if (!changed) return newest === (data.topology.version ?? 0) ? data : { ...data, topology: { ...data.topology, version: newest } };
  const topology = { ...data.topology, hosts: data.topology.hosts.map((h) => byName.get(h.name)!), version: newest };
  // A health probe round that found every binding as before (only the probes' times differ) draws
  // nothing new: the graph would be built again only to be kept whole (see keepGraph).
  if (topology.hosts.every((h, i) => h === data.topology.hosts[i] || sameButProbeTimes(data.topology.hosts[i], h))) return { ...data, topology };
  return applyTopology(data, topology);
}

/** Whether a host's newer view differs from the held one only in its sequence number and when its probes ran. */
function sameButProbeTimes(held: HostView, next: HostView): boolean {
  const plain = ({ seq: _seq, probes, ...rest }: HostView) => ({ ...rest, probes: probes?.map(({ at: _at, ...p }) => p) });
  return sameValue(plain(held), plain(next));
}

/**
 * The server that counts versions restarted: what the page holds stays drawn, but its versions
 * mean nothing any more, so every view the new server sends is taken.
 */
export function adoptEpoch(data: ConsoleData, epoch: string): ConsoleData {
  if (data.topology.epoch === epoch) return data;
  const hosts = data.topology.hosts.map(({ seq: _old, ...h }) => h as HostView);
  return { ...data, topology: { ...data.topology, hosts, epoch, version: 0 } };
}

/** Nodes the layout has not placed yet. */
export const unplacedNodes = (data: ConsoleData): GraphNode[] => data.nodes.filter((n) => n.hidden);

/**
 * Put unplaced nodes where the layout says; placed nodes never move. A group grows to hold
 * a child placed into it later.
 */
export function placeNodes(data: ConsoleData, placements: Record<string, NodePlacement>): ConsoleData {
  let nodes = data.nodes.map((n): GraphNode => {
    const p = placements[n.id];
    if (!n.hidden || !p) return n;
    return { ...n, position: { x: p.x, y: p.y }, ...(n.type === 'host' ? { width: p.width, height: p.height } : {}), hidden: false } as GraphNode;
  });
  // Each host's placed children, gathered in one pass (a search per host was quadratic on large networks).
  const childrenOf = new Map<string, GraphNode[]>();
  for (const c of nodes) {
    if (!c.parentId || c.hidden) continue;
    const list = childrenOf.get(c.parentId);
    if (list) list.push(c);
    else childrenOf.set(c.parentId, [c]);
  }
  nodes = nodes.map((n) => {
    if (n.type !== 'host' || n.hidden) return n;
    const children = childrenOf.get(n.id) ?? [];
    const right = Math.max(n.width ?? 0, ...children.map((c) => c.position.x + (placements[c.id]?.width ?? 0) + 16));
    const bottom = Math.max(n.height ?? 0, ...children.map((c) => c.position.y + (placements[c.id]?.height ?? 0) + 16));
    return right === n.width && bottom === n.height ? n : { ...n, width: right, height: bottom };
  });
  return { ...data, nodes };
}

/** Show a dragged edge at its new target at once, before the host answers. */
export const beginRebind = (data: ConsoleData, edgeId: string, move: PendingRebind): ConsoleData => ({
  ...data,
  pending: { ...data.pending, [edgeId]: move },
  dragError: null,
});

/** The host answered: drop the optimistic move (the topology now shows the truth), with the refusal if any. */
export function settleRebind(data: ConsoleData, edgeId: string, refusal: string | null): ConsoleData {
  const { [edgeId]: _settled, ...pending } = data.pending;
  return { ...data, pending, dragError: refusal };
}

/**
 * Select a binding or a foreign rule (null clears), lighting its route. The hosts at both ends of
 * its edge (a foreign rule: its host) are opened, so it is drawn; the view opens its bundle.
 */
export function selectBinding(data: ConsoleData, key: BindingKey | null): ConsoleData {
  if (!key) return data.selection === null && data.selectedEdgeId === null ? data : { ...data, selection: null, selectedEdgeId: null };
  const edgeId = keyText(key);
  const edge = data.graph.edges.find((e) => e.id === edgeId);
  const parentOf = new Map(data.graph.nodes.map((n) => [n.id, n.parentId]));
  const hosts = edge ? [edge.source, edge.target].map((end) => parentOf.get(end)).filter((h): h is string => Boolean(h)) : [nodeId.host(key.host)];
  const expanded = openHosts(data.graph.nodes, data.expanded, hosts);
  return { ...data, selection: key, selectedEdgeId: edgeId, expanded: sameList(expanded, data.expanded) ? data.expanded : expanded };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Select a binding edge by its id (null, or an edge that is no binding's, clears), as `selectBinding` does. */
export const selectEdge = (data: ConsoleData, edgeId: string | null): ConsoleData => selectBinding(data, edgeId ? keyOfEdgeId(edgeId) : null);

// Each graph edge's drawn version, made again only when its move, selection or highlight changes: selecting
// a binding then hands the graph the same objects for every other edge (thousands on a large network).
const drawnOf = new WeakMap<BindingEdge, { move: PendingRebind | undefined; selected: boolean; lit: boolean; edge: BindingEdge }>();

/** The edges to draw: optimistic moves applied, the selected route highlighted. */
export function flowEdges(data: Pick<ConsoleData, 'graph' | 'pending' | 'selectedEdgeId'>): BindingEdge[] {
  const route = routePath(data.graph.edges, data.selectedEdgeId);
  return data.graph.edges.map((e) => {
    const move = data.pending[e.id];
    const selected = e.id === data.selectedEdgeId;
    const lit = route.has(e.id);
    const last = drawnOf.get(e);
    if (last && last.move === move && last.selected === selected && last.lit === lit) return last.edge;
    const moved = move ? { target: move.target, targetHandle: portHandle(move.port) } : {};
    const edge: BindingEdge = {
      ...e,
      ...moved,
      selected,
      className: lit ? 'route-lit' : undefined,
      data: { ...e.data!, pending: Boolean(move), highlighted: lit },
    };
    drawnOf.set(e, { move, selected, lit, edge });
    return edge;
  });
}
