import type { Edge, Node } from '@xyflow/react';
import type { BindingReport, ForeignRule, ProbeResult, Transport, WatcherStatus } from '@/lib/console/topology';

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
  /** How many interfaces, exposed addresses and containers it holds (shown while collapsed). */
  holds?: { interfaces: number; exposed: number; containers: number; bindings: number };
  /** Drawn as one small box, its insides hidden (set by the visible view, never stored). */
  collapsed?: boolean;
  /** Whether `switchyard watch` runs on it (absent: the host does not say). */
  watcher?: WatcherStatus;
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
  /** One of several bindings between the same two endpoints, drawn apart from the others (an opened bundle). */
  fan?: { index: number; count: number };
  /** The console's last health probe of its target. */
  probe?: ProbeResult;
};

/** A DNAT rule on a host that Switchyard does not own, drawn between the endpoints it joins. */
export type ForeignEdgeData = {
  host: string;
  rule: ForeignRule;
  /** Where it sends connections, as read from the rule (`10.2.1.1:4422`). */
  target: string;
  /** Its host is not answering: drawn as last seen. */
  unreachable?: boolean;
};

/** The overlay network as one band under the hosts, which exposed addresses and containers attach to. */
export type OverlayNodeData = {
  /** The overlay's networks, as the hosts expose them (`10.2.0.0/16`). */
  networks: string[];
  /** The bridges that carry it (`weave`). */
  bridges: string[];
};

/** Several bindings between the same two drawn endpoints, drawn as one edge. */
export type BundleEdgeData = {
  /** The binding edges it stands for. */
  members: string[];
  count: number;
};

/** A line that is not a binding: a client reaching a host, or a thing attached to the overlay. */
export type LinkEdgeData = { kind: 'reaches' | 'overlay' };

export type HostNode = Node<HostNodeData, 'host'>;
export type EndpointNode = Node<EndpointNodeData, 'endpoint'>;
export type OverlayNode = Node<OverlayNodeData, 'overlay'>;
export type GraphNode = HostNode | EndpointNode | OverlayNode;
export type BindingEdge = Edge<BindingEdgeData, 'binding'>;
export type BundleEdge = Edge<BundleEdgeData, 'bundle'>;
export type LinkEdge = Edge<LinkEdgeData, 'link'>;
export type ForeignEdge = Edge<ForeignEdgeData, 'foreign'>;
/** Every edge the graph draws. */
export type FlowEdge = BindingEdge | BundleEdge | LinkEdge | ForeignEdge;

/** The network as nodes and binding edges, before layout. */
export interface GraphModel {
  nodes: GraphNode[];
  edges: BindingEdge[];
  /** Foreign DNAT rules, drawn dashed beside the bindings. */
  foreign: ForeignEdge[];
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
/** Where a collapsed host takes the bindings that end inside it. */
export const hostInHandle = 'in';
/** Where overlay links leave an exposed address, a container or a host, and arrive at the band. */
export const overlayHandle = 'overlay';
/** Where a client's link arrives at a host. */
export const reachHandle = 'reach';
/** The overlay band's one node id. */
export const overlayNodeId = 'overlay';
