import type { EdgeStroke } from './edge-strokes';
import type { FlowEdge, GraphNode } from './graph-model';

/** One edge's curve as the overview draws it. */
export interface OverviewLine {
  path: string;
  stroke: EdgeStroke;
}

/** The class of a React Flow edge whose line the overview draws: React Flow keeps it to be clicked and labelled, its own line hidden. */
export const inOverviewClass = 'in-overview';

/**
 * Whether an edge of a large view is drawn by React Flow on its own (with its arrow, at every zoom)
 * rather than by the overview: the selected one, the selected route's, one being moved, one of an
 * opened bundle, and any with an end inside an open host (what the operator opened to look at).
 */
export function drawnAlone(edge: FlowEdge, inside: ReadonlySet<string>): boolean {
  if (edge.selected || inside.has(edge.source) || inside.has(edge.target) || edge.className?.includes('route-lit')) return true;
  if (edge.type !== 'binding') return false;
  return !!(edge.data?.highlighted || edge.data?.pending || edge.data?.fan);
}

/**
 * A large view's edges: those React Flow draws on its own, and the rest, whose lines the overview
 * draws (marked with `inOverviewClass`, for when React Flow mounts them too, zoomed in).
 */
export function splitForOverview(edges: readonly FlowEdge[], nodes: readonly GraphNode[]): { alone: FlowEdge[]; overview: FlowEdge[] } {
  const inside = new Set(nodes.filter((n) => n.parentId).map((n) => n.id));
  const alone: FlowEdge[] = [];
  const overview: FlowEdge[] = [];
  for (const e of edges) {
    if (drawnAlone(e, inside)) alone.push(e);
    else overview.push(markedOf.get(e) ?? marked(e));
  }
  return { alone, overview };
}

// Each edge's overview version, made once per edge object: a selection re-split about a thousand edges.
const markedOf = new WeakMap<FlowEdge, FlowEdge>();
function marked(e: FlowEdge): FlowEdge {
  const m = { ...e, className: e.className ? `${e.className} ${inOverviewClass}` : inOverviewClass } as FlowEdge;
  markedOf.set(e, m);
  return m;
}

/** The overview's curves of one look, drawn as one SVG group of paths. */
export interface OverviewGroup {
  look: EdgeStroke;
  paths: string[];
}

/**
 * How the overview draws an edge of this stroke: as itself, except dashes, which are drawn solid and
 * fainter (a large view's dashed client links, dash by dash, took most of a zoom step's drawing).
 */
export function overviewLook(s: EdgeStroke): EdgeStroke {
  if (!s.strokeDasharray) return s;
  return { stroke: s.stroke, strokeWidth: s.strokeWidth, strokeOpacity: (s.strokeOpacity ?? 1) * 0.5 };
}

/**
 * Of the overview's edges, those React Flow mounts zoomed in: with an end on screen. A line only
 * passing through the screen stays the overview's (a large view mounted hundreds of them, each with its label).
 */
export function withEndOnScreen(edges: readonly FlowEdge[], onScreen: ReadonlySet<string>): FlowEdge[] {
  return edges.filter((e) => onScreen.has(e.source) || onScreen.has(e.target));
}

const lookKey = (s: EdgeStroke) => `${s.stroke}|${s.strokeWidth}|${s.strokeOpacity ?? 1}`;

/**
 * The overview's curves grouped by look, in the order each look first appears. Each curve stays a
 * path of its own: the browser draws the picture in tiles, and one path made of every curve was
 * drawn whole for each tile (ten times slower than the edges it replaced).
 */
export function overviewGroups(lines: Iterable<OverviewLine>): OverviewGroup[] {
  const groups = new Map<string, OverviewGroup>();
  for (const l of lines) {
    const look = overviewLook(l.stroke);
    const key = lookKey(look);
    const g = groups.get(key);
    if (g) g.paths.push(l.path);
    else groups.set(key, { look, paths: [l.path] });
  }
  return [...groups.values()];
}
