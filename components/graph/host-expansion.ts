import type { GraphNode } from './graph-model';

/** About how many nodes one view may draw before the browser slows down (React Flow's own advice). */
export const nodeBudget = 500;

/** How many nodes a view draws with these hosts expanded: every top-level node, and the insides of the expanded hosts. */
export function visibleNodeCount(nodes: readonly GraphNode[], expanded: ReadonlySet<string>): number {
  let n = 0;
  for (const node of nodes) if (!node.parentId || expanded.has(node.parentId)) n++;
  return n;
}

/** Hosts drawn open when a page first shows the network: all of them, unless that would draw more than the budget. */
export function initialExpanded(nodes: readonly GraphNode[], budget = nodeBudget): string[] {
  const hosts = nodes.filter((n) => n.type === 'host').map((n) => n.id);
  return nodes.length <= budget ? hosts : [];
}

/**
 * Open or close one host. Opening it puts it last in the list (the most recently looked at); when
 * the view would then draw more than the budget, the hosts opened longest ago close again.
 */
export function toggleHost(nodes: readonly GraphNode[], expanded: readonly string[], hostId: string, budget = nodeBudget): string[] {
  if (expanded.includes(hostId)) return expanded.filter((h) => h !== hostId);
  return openHosts(nodes, expanded, [hostId], budget);
}

/**
 * Open these hosts (those already open stay where they are in the list). When the view would then
 * draw more than the budget, other hosts close, those opened longest ago first; the ones asked for stay open.
 */
export function openHosts(nodes: readonly GraphNode[], expanded: readonly string[], hostIds: readonly string[], budget = nodeBudget): string[] {
  const missing = hostIds.filter((h) => !expanded.includes(h));
  if (!missing.length) return [...expanded];
  const next = [...expanded, ...missing];
  const keep = new Set(hostIds);
  while (visibleNodeCount(nodes, new Set(next)) > budget) {
    const oldest = next.findIndex((h) => !keep.has(h));
    if (oldest < 0) break;
    next.splice(oldest, 1);
  }
  return next;
}
