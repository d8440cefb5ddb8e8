import { frontHandle, hostInHandle, type ForeignEdge, type GraphNode } from './graph-model';

/**
 * The foreign rule edges one view draws: an end inside a collapsed host is drawn at that host's
 * box (as bindings are); the selected one is marked selected.
 */
export function visibleForeign(foreign: readonly ForeignEdge[], nodes: readonly GraphNode[], expanded: readonly string[], selectedEdgeId: string | null): ForeignEdge[] {
  const open = new Set(expanded);
  const parentOf = new Map<string, string>();
  for (const n of nodes) if (n.parentId) parentOf.set(n.id, n.parentId);
  const closed = (id: string): string | undefined => {
    const p = parentOf.get(id);
    return p !== undefined && !open.has(p) ? p : undefined;
  };
  return foreign.map((e) => {
    const from = closed(e.source);
    const to = closed(e.target);
    return {
      ...e,
      ...(from ? { source: from, sourceHandle: frontHandle } : {}),
      ...(to ? { target: to, targetHandle: hostInHandle } : {}),
      selected: e.id === selectedEdgeId,
    };
  });
}
