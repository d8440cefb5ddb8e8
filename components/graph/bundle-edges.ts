import type { BindingEdge, BundleEdge } from './graph-model';

/** The id of the bundle of bindings drawn from `source` to `target`. */
export const bundleId = (source: string, target: string): string => `bundle:${source}->${target}`;

/**
 * Parallel bindings (same drawn source and target) as one bundle edge labelled with their count.
 * A bundle stays open (its bindings drawn one by one, fanned apart) when it is the open one or
 * holds the selected binding. A lone binding is drawn as itself.
 */
export function bundleEdges(
  edges: readonly BindingEdge[],
  open: { bundle: string | null; selectedEdgeId: string | null },
  nameOf: (nodeId: string) => string = (id) => id,
): (BindingEdge | BundleEdge)[] {
  const groups = new Map<string, BindingEdge[]>();
  for (const e of edges) {
    const key = bundleId(e.source, e.target);
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const out: (BindingEdge | BundleEdge)[] = [];
  for (const [id, group] of groups) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    if (id === open.bundle || group.some((e) => e.id === open.selectedEdgeId)) {
      group.forEach((e, index) => out.push({ ...e, data: { ...e.data!, fan: { index, count: group.length } } }));
      continue;
    }
    const { source, target } = group[0];
    const lit = group.some((e) => e.data?.highlighted);
    out.push({
      id,
      type: 'bundle',
      source,
      target,
      sourceHandle: group[0].sourceHandle,
      targetHandle: group[0].targetHandle,
      reconnectable: false,
      ariaLabel: `${group.length} bindings: ${nameOf(source)} → ${nameOf(target)}`,
      className: lit ? 'route-lit' : undefined,
      data: { members: group.map((e) => e.id), count: group.length },
    });
  }
  return out;
}
