import { portHandle, type BindingEdge, type GraphNode } from './graph-model';
import { rebindTarget } from './rebind-target';

/** Class of an endpoint a dragged binding end may be dropped on. */
export const dropTargetClass = 'drop-target';
/** Class of an endpoint it may not go to. */
export const dropDimmedClass = 'drop-dimmed';

/** Whether some port of `node` is a place the binding may be rebound to (the drop's own rule, before any drop). */
export function acceptsDrop(nodes: readonly GraphNode[], edge: BindingEdge, node: GraphNode): boolean {
  if (node.type !== 'endpoint') return false;
  return node.data.ports.some(
    (port) => rebindTarget(nodes, edge, { source: edge.source, sourceHandle: edge.sourceHandle ?? null, target: node.id, targetHandle: portHandle(port) }).ok,
  );
}

/**
 * The drawn nodes marked for a drag of `edge`'s target end: endpoints it may move to highlighted,
 * the other endpoints dimmed; hosts and the overlay band are left as they are (their insides are marked).
 */
export function markDropTargets<N extends GraphNode>(drawn: readonly N[], all: readonly GraphNode[], edge: BindingEdge): N[] {
  return drawn.map((n) => {
    if (n.type !== 'endpoint') return n;
    const mark = acceptsDrop(all, edge, n) ? dropTargetClass : dropDimmedClass;
    return { ...n, className: [n.className, mark].filter(Boolean).join(' ') };
  });
}
