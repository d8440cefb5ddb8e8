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
  const next = [...expanded, hostId];
  while (next.length > 1 && visibleNodeCount(nodes, new Set(next)) > budget) next.shift();
  return next;
}
