import type { Edge, Node } from '@xyflow/react';
import type { BindingReport, Transport } from '@/lib/console/topology';

/** What an endpoint node stands for on the network. */
export type EndpointKind = 'interface' | 'exposed' | 'container' | 'service' | 'client' | 'address';

export type HostNodeData = {
  name: string;
  transport: Transport;
  reachable: boolean;
  /** Why the host cannot be asked (unreachable hosts). */
  error?: string;
  /** ISO time the host was last known to answer. */
  seenAt?: string;
  /** Drawn from the status it had before: a restarted console, or a session just back. */
  stale?: boolean;
  /** Its first answer is still awaited. */
  connecting?: boolean;
  warnings: string[];
};

export type EndpointNodeData = {
  kind: EndpointKind;
  /** Name shown first: interface, container or service name, or the address. */
  label: string;
  /** The IPv4 address traffic to this endpoint goes to (none for a client or an address-less interface). */
  address?: string;
  /** The host an interface or exposed address belongs to, or a container runs on. */
  host?: string;
  /** Clients only: the hosts they can connect to. */
  reaches?: string[];
  /** Ports a binding may target here; each is a target handle `in:<port>`. */
  ports: number[];
  proto?: 'tcp' | 'udp';
  /** Outside services only: the hosts that can reach it. */
  reachableFrom?: string[];
  /** One line under the label (addresses, "reaches host2"). */
  detail?: string;
  /** Part of a host that is not answering: drawn greyed, as last seen. */
  dimmed?: boolean;
};

export type BindingEdgeData = {
  host: string;
  binding: BindingReport;
  /** Set while a drag-rebind waits for the host. */
  pending?: boolean;
  /** Part of the selected route. */
  highlighted?: boolean;
  /** Its host is not answering: the binding is drawn greyed, as last seen, and cannot be moved. */
  unreachable?: boolean;
};

export type HostNode = Node<HostNodeData, 'host'>;
export type EndpointNode = Node<EndpointNodeData, 'endpoint'>;
export type GraphNode = HostNode | EndpointNode;
export type BindingEdge = Edge<BindingEdgeData, 'binding'>;

/** The network as nodes and binding edges, before layout. */
export interface GraphModel {
  nodes: GraphNode[];
  edges: BindingEdge[];
}

/** The target handle id for a port. */
export const portHandle = (port: number): string => `in:${port}`;
/** The port a target handle id stands for, or null. */
export const handlePort = (handle: string | null | undefined): number | null => {
  const m = /^in:(\d+)$/.exec(handle ?? '');
  return m ? Number(m[1]) : null;
};
/** The one source handle every front node has. */
export const frontHandle = 'out';
