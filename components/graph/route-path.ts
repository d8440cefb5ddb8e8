import type { BindingEdge } from './graph-model';

const frontPort = (e: BindingEdge): number | undefined => e.data?.binding.front.port;
const targetPort = (e: BindingEdge): number | undefined => e.data?.binding.target.port;

/**
 * Every binding edge on the route through `selectedId`: upstream, the bindings whose target is
 * its front; downstream, the bindings whose front is its target (HOST2:4433 → 10.2.1.3:3322 → HOST3:2211).
 */
export function routePath(edges: readonly BindingEdge[], selectedId: string | null): Set<string> {
  const path = new Set<string>();
  const start = edges.find((e) => e.id === selectedId);
  if (!start) return path;
  const queue = [start];
  path.add(start.id);
  while (queue.length) {
    const e = queue.shift()!;
    for (const f of edges) {
      if (path.has(f.id)) continue;
      const downstream = f.source === e.target && frontPort(f) === targetPort(e);
      const upstream = f.target === e.source && targetPort(f) === frontPort(e);
      if (downstream || upstream) {
        path.add(f.id);
        queue.push(f);
      }
    }
  }
  return path;
}
