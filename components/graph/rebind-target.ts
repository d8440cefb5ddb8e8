import type { Connection } from '@xyflow/react';
import { handlePort, type BindingEdge, type GraphNode } from './graph-model';

/** Where a dropped edge end would point the binding, or why it cannot go there. */
export type RebindTarget = { ok: true; to: string; nodeId: string; port: number } | { ok: false; reason: string };

/**
 * Decide a drag-rebind before the drop: the binding keeps its front and may only move its target
 * to a port of an endpoint its host can reach.
 */
export function rebindTarget(nodes: readonly GraphNode[], edge: BindingEdge, connection: Connection): RebindTarget {
  const b = edge.data?.binding;
  const host = edge.data?.host;
  if (!b || !host) return { ok: false, reason: 'that edge is not a binding' };
  if (connection.source !== edge.source) return { ok: false, reason: 'only the target end of a binding moves; its front stays' };
  if (connection.target === edge.source) return { ok: false, reason: `${b.id} cannot point at its own front` };
  const node = nodes.find((n) => n.id === connection.target);
  if (!node || node.type !== 'endpoint') return { ok: false, reason: 'drop the end on a service, container or exposed address' };
  const port = handlePort(connection.targetHandle);
  if (port === null) return { ok: false, reason: 'drop the end on one of the endpoint’s ports' };
  const d = node.data;
  if (!d.address) return { ok: false, reason: `${d.label} has no address to send traffic to` };
  if (d.kind === 'service' && !(d.reachableFrom ?? []).includes(host)) {
    return { ok: false, reason: `${d.label} is not reachable from ${host}` };
  }
  if (d.proto && d.proto !== b.proto) return { ok: false, reason: `${d.label} serves ${d.proto}, the binding forwards ${b.proto}` };
  if (d.address === b.target.address && port === b.target.port) return { ok: false, reason: `${b.id} already points there` };
  return { ok: true, to: `${d.address}:${port}`, nodeId: node.id, port };
}
