import type { EdgeStroke } from './edge-strokes';
import type { FlowEdge, GraphNode } from './graph-model';

/** One edge's curve as the overview draws it. */
export interface OverviewLine {
  path: string;
  stroke: EdgeStroke;
}

/** All the overview's curves of one look, drawn as one SVG path. */
export interface OverviewStroke extends EdgeStroke {
  d: string;
}

/**
 * Whether an edge of a large view zoomed out is still drawn by React Flow on its own (selectable,
 * labelled, focusable): the selected one, the selected route's, one being moved, one of an opened
 * bundle, and any with an end inside an open host (what the operator opened to look at).
 */
export function drawnAlone(edge: FlowEdge, inside: ReadonlySet<string>): boolean {
  if (edge.selected || inside.has(edge.source) || inside.has(edge.target)) return true;
  if (edge.type !== 'binding') return false;
  return !!(edge.data?.highlighted || edge.data?.pending || edge.data?.fan);
}

/** A zoomed-out large view's edges: those React Flow draws on its own, and the rest, drawn together as the overview. */
export function splitForOverview(edges: readonly FlowEdge[], nodes: readonly GraphNode[]): { alone: FlowEdge[]; overview: FlowEdge[] } {
  const inside = new Set(nodes.filter((n) => n.parentId).map((n) => n.id));
  const alone: FlowEdge[] = [];
  const overview: FlowEdge[] = [];
  for (const e of edges) (drawnAlone(e, inside) ? alone : overview).push(e);
  return { alone, overview };
}

const strokeKey = (s: EdgeStroke) => `${s.stroke}|${s.strokeWidth}|${s.strokeDasharray ?? ''}|${s.strokeOpacity ?? 1}`;

/** The overview's curves merged by look: one path per distinct stroke, in the order each look first appears. */
export function mergeStrokes(lines: Iterable<OverviewLine>): OverviewStroke[] {
  const merged = new Map<string, { stroke: EdgeStroke; paths: string[] }>();
  for (const l of lines) {
    const key = strokeKey(l.stroke);
    const m = merged.get(key);
    if (m) m.paths.push(l.path);
    else merged.set(key, { stroke: l.stroke, paths: [l.path] });
  }
  return [...merged.values()].map((m) => ({ ...m.stroke, d: m.paths.join(' ') }));
}
