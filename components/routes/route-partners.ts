import type { BindingEdge } from '@/components/graph/graph-model';
import type { RouteMember } from '@/lib/console/route-change';

const frontPort = (e: BindingEdge): number | undefined => e.data?.binding.front.port;
const targetPort = (e: BindingEdge): number | undefined => e.data?.binding.target.port;
const memberOf = (e: BindingEdge): RouteMember => ({ host: e.data!.host, id: e.data!.binding.id, revision: e.data!.binding.revision });

/** The exports aimed at an import's front (the route's entry halves). */
const exportsInto = (edges: readonly BindingEdge[], imp: BindingEdge) =>
  edges.filter((f) => f.data?.binding.kind === 'export' && f.target === imp.source && targetPort(f) === frontPort(imp));

/**
 * The bindings removing a route takes, in the order they go (exports first, so none is left aimed at
 * nothing), when `edgeId` is one half of a route; null when it is not. An export whose import also
 * serves other exports is not offered: removing that import would break their routes.
 */
export function routeRemovalOf(edges: readonly BindingEdge[], edgeId: string): RouteMember[] | null {
  const e = edges.find((x) => x.id === edgeId);
  if (!e?.data) return null;
  if (e.data.binding.kind === 'import') {
    const entries = exportsInto(edges, e);
    return entries.length ? [...entries.map(memberOf), memberOf(e)] : null;
  }
  const imports = edges.filter((f) => f.data?.binding.kind === 'import' && f.source === e.target && frontPort(f) === targetPort(e));
  if (imports.length !== 1) return null;
  const imp = imports[0]!;
  return exportsInto(edges, imp).every((x) => x.id === e.id) ? [memberOf(e), memberOf(imp)] : null;
}
