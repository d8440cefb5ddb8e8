import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { GraphModel } from './graph-model';
import { gridLayout } from './grid-layout';
import { nodeId } from './node-ids';

/** Where the layout puts a node, relative to its parent group, and how big it is. */
export interface NodePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size every endpoint node is drawn at (the node component uses the same numbers). */
export const endpointSize = { width: 200, height: 64 } as const;

const elk = new ELK();

/** Above this many nodes the graph is laid out as a grid instead (see grid-layout.ts). */
export const layeredLayoutLimit = 120;

const rootOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '130',
  'elk.spacing.nodeNode': '36',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};
const groupOptions = { 'elk.padding': '[top=52,left=18,bottom=18,right=18]', 'elk.spacing.nodeNode': '22' };

/**
 * A layered left-to-right layout: clients, then the hosts they reach, then the inner hosts and the
 * containers, then the outside services. Besides the bindings, edges the network implies (a client
 * reaches a host, a host reaches a service) keep related things close.
 */
export async function layoutGraph(graph: GraphModel): Promise<Record<string, NodePlacement>> {
  // The layered layout grows far faster than the network (tens of seconds at a few dozen hosts).
  if (graph.nodes.length > layeredLayoutLimit) return gridLayout(graph);
  const groups = new Map<string, ElkNode>();
  const top: ElkNode[] = [];
  for (const n of graph.nodes) {
    if (n.type === 'host') {
      const g: ElkNode = { id: n.id, layoutOptions: groupOptions, children: [] };
      groups.set(n.id, g);
      top.push(g);
    }
  }
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const hint = (from: string, to: string) => {
    if (ids.has(from) && ids.has(to)) edges.push({ id: `hint:${from}->${to}`, sources: [from], targets: [to] });
  };
  for (const n of graph.nodes) {
    if (n.type !== 'endpoint') continue;
    const shape: ElkNode = { id: n.id, ...endpointSize };
    const parent = n.parentId ? groups.get(n.parentId) : undefined;
    if (parent) parent.children!.push(shape);
    else top.push(shape);
    const d = n.data;
    if (d.kind === 'client') for (const h of d.reaches ?? []) hint(n.id, nodeId.host(h));
    if (d.kind === 'service') for (const h of d.reachableFrom ?? []) hint(nodeId.host(h), n.id);
  }
  // Hosts the clients reach face outwards; the other hosts sit behind them, towards the overlay.
  const reached = new Set(graph.nodes.flatMap((n) => (n.type === 'endpoint' && n.data.kind === 'client' ? (n.data.reaches ?? []).map(nodeId.host) : [])));
  for (const front of reached) for (const g of groups.keys()) if (!reached.has(g)) hint(front, g);
  // Containers sit on the overlay beside the inner hosts: one step in from the outward-facing hosts
  // (or from their own host when no client reaches any host).
  for (const n of graph.nodes) {
    if (n.type !== 'endpoint' || n.data.kind !== 'container') continue;
    const from = reached.size ? [...reached] : n.data.host ? [nodeId.host(n.data.host)] : [];
    for (const f of from) hint(f, n.id);
  }
  // An unreachable host has no children; give it a size of its own.
  for (const g of groups.values()) if (!g.children!.length) Object.assign(g, { width: 220, height: 96 });

  const laid = await elk.layout({ id: 'root', layoutOptions: rootOptions, children: top, edges });
  const placements: Record<string, NodePlacement> = {};
  const visit = (n: ElkNode) => {
    placements[n.id] = { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? endpointSize.width, height: n.height ?? endpointSize.height };
    n.children?.forEach(visit);
  };
  laid.children?.forEach(visit);
  return placements;
}
