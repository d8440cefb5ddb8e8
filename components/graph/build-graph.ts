import type { BindingReport, HostView, ProbeResult, Topology } from '@/lib/console/topology';
import { overlayNetwork } from './overlay-network';
import { frontHandle, overlayNodeId, portHandle, type BindingEdge, type OverlayNode, type EndpointNode, type EndpointNodeData, type ForeignEdge, type GraphModel, type GraphNode, type HostNode } from './graph-model';
import { bindingEdgeId, nodeId } from './node-ids';
import { bindingLabel } from './binding-label';
import { foreignEdges } from './foreign-edges';

const addressOf = (cidr: string): string => cidr.split('/')[0];

/**
 * The graph of a topology: hosts as groups holding their interfaces, exposed addresses and the
 * containers they run; the overlay those addresses and containers are on; outside services and
 * clients; and one edge per binding from its front to its target.
 */
export function buildGraph(topology: Topology): GraphModel {
  const hosts: HostNode[] = [];
  const endpoints = new Map<string, EndpointNode>();
  // Where traffic to an address ends up on the graph: the first thing that claims it wins.
  const byAddress = new Map<string, string>();
  const byAddressPort = new Map<string, string>();

  const endpoint = (id: string, data: EndpointNodeData, parentId?: string): EndpointNode => {
    let n = endpoints.get(id);
    if (!n) {
      n = { id, type: 'endpoint', position: { x: 0, y: 0 }, data, ariaLabel: `${data.kind} ${data.label}`, ...(parentId ? { parentId, extent: 'parent' as const } : {}) };
      endpoints.set(id, n);
    }
    return n;
  };
  const addPort = (n: EndpointNode, port: number) => {
    if (!n.data.ports.includes(port)) n.data.ports = [...n.data.ports, port].sort((a, b) => a - b);
  };

  for (const h of topology.hosts) {
    const id = nodeId.host(h.name);
    hosts.push({
      id,
      type: 'host',
      position: { x: 0, y: 0 },
      ariaLabel: `host ${h.name}`,
      data: {
        name: h.name,
        transport: h.transport,
        reachable: h.reachable,
        ...(h.reachable ? {} : { error: h.error }),
        ...(h.seenAt ? { seenAt: h.seenAt } : {}),
        ...(h.reachable && h.stale ? { stale: true } : {}),
        ...(!h.reachable && h.connecting ? { connecting: true } : {}),
        warnings: h.reachable ? h.status.warnings : [],
        ...(h.status?.watcher ? { watcher: h.status.watcher } : {}),
      },
    });
    // An unreachable host keeps what it last reported, greyed.
    if (!h.status) continue;
    const dimmed = h.reachable ? {} : { dimmed: true };
    const exposedBridges = new Set(h.status.exposed.map((e) => e.bridge));
    for (const e of h.status.exposed) {
      const address = addressOf(e.cidr);
      endpoint(nodeId.exposed(h.name, address), { kind: 'exposed', label: address, address, host: h.name, ports: [], detail: e.name ?? `on ${e.bridge}`, ...dimmed }, id);
      byAddress.set(address, nodeId.exposed(h.name, address));
    }
    for (const i of h.status.facts.interfaces) {
      if (i.name === 'lo' || exposedBridges.has(i.name)) continue;
      const own = i.addresses.map(addressOf);
      endpoint(nodeId.iface(h.name, i.name), { kind: 'interface', label: i.name, address: own[0], host: h.name, ports: [], detail: i.addresses.join(', ') || 'no address', ...dimmed }, id);
      for (const a of own) if (!byAddress.has(a)) byAddress.set(a, nodeId.iface(h.name, i.name));
    }
  }

  const hostIds = new Set(hosts.map((h) => h.id));
  // Hosts that do not answer but still show what they last reported.
  const greyed = new Set(topology.hosts.filter((h) => !h.reachable && h.status).map((h) => nodeId.host(h.name)));
  for (const c of topology.containers) {
    const parent = nodeId.host(c.host);
    const within = hostIds.has(parent) ? parent : undefined;
    const dim = within && greyed.has(within) ? { dimmed: true } : {};
    const n = endpoint(nodeId.container(c.name), { kind: 'container', label: c.name, address: c.address, host: c.host, ports: [], detail: c.address, ...dim }, within);
    for (const s of c.services) addPort(n, s.port);
    byAddress.set(c.address, n.id);
  }
  for (const s of topology.services) {
    const n = endpoint(nodeId.service(s.name), {
      kind: 'service',
      label: s.name,
      address: s.address,
      ports: [s.port],
      proto: s.proto,
      reachableFrom: s.reachableFrom,
      // The hosts that reach it are drawn as links to it.
      detail: `${s.address}:${s.port}`,
    });
    byAddressPort.set(`${s.address}:${s.port}`, n.id);
    if (!byAddress.has(s.address)) byAddress.set(s.address, n.id);
  }
  for (const c of topology.clients) {
    endpoint(nodeId.client(c.name), { kind: 'client', label: c.name, address: c.address, reaches: c.reaches, ports: [], detail: c.address });
  }

  // Where traffic to address:port ends: a known service or container, else an address outside the inventory.
  const targetNode = (address: string, port: number): EndpointNode => {
    const id = byAddressPort.get(`${address}:${port}`) ?? byAddress.get(address) ?? endpoint(nodeId.address(address), { kind: 'address', label: address, address, ports: [], detail: 'not in the inventory' }).id;
    const n = endpoints.get(id)!;
    addPort(n, port);
    return n;
  };

  const edges: BindingEdge[] = [];
  for (const h of topology.hosts) {
    if (!h.status) continue;
    for (const b of h.status.bindings) {
      const source = frontNode(h.name, b, endpoint, byAddress, !h.reachable);
      // An import's front is itself a place routes can point at.
      if (b.kind === 'import') addPort(source, b.front.port);
      const targetId = targetNode(b.target.address, b.target.port).id;
      const probe = bindingProbe(h, b);
      edges.push({
        id: bindingEdgeId(h.name, b.id),
        type: 'binding',
        source: source.id,
        sourceHandle: frontHandle,
        target: targetId,
        targetHandle: portHandle(b.target.port),
        reconnectable: h.reachable ? 'target' : false,
        ariaLabel: bindingLabel(h.name, b),
        data: { host: h.name, binding: b, ...(h.reachable ? {} : { unreachable: true }), ...(probe ? { probe } : {}) },
      });
    }
  }
  const foreign: ForeignEdge[] = topology.hosts.flatMap((h) =>
    foreignEdges(h, { front: (host, f, dim) => frontNode(host, f, endpoint, byAddress, dim), target: targetNode }),
  );

  // What each host holds, counted in one pass over the endpoints and one over the edges.
  const holds = new Map(hosts.map((h) => [h.id, { interfaces: 0, exposed: 0, containers: 0, bindings: 0 }]));
  for (const n of endpoints.values()) {
    const count = n.parentId ? holds.get(n.parentId) : undefined;
    if (!count) continue;
    if (n.data.kind === 'interface') count.interfaces++;
    else if (n.data.kind === 'exposed') count.exposed++;
    else if (n.data.kind === 'container') count.containers++;
  }
  for (const e of edges) {
    const count = holds.get(nodeId.host(e.data!.host));
    if (count) count.bindings++;
  }
  for (const h of hosts) h.data.holds = holds.get(h.id);

  // React Flow wants parents before their children.
  const nodes: GraphNode[] = [...hosts, ...endpoints.values()];
  const overlay = overlayNode(topology);
  if (overlay) nodes.push(overlay);
  return { nodes, edges, foreign };
}

/** The console's last probe of a binding on its host, if any. A probe of its previous target (before a rebind) says nothing about this one. */
export function bindingProbe(host: HostView, b: BindingReport): ProbeResult | undefined {
  return host.probes?.find((p) => p.id === b.id && p.target === `${b.target.address}:${b.target.port}`);
}

/** The overlay band, when any host exposes an address on it or any container runs. */
function overlayNode(topology: Topology): OverlayNode | null {
  const exposed = topology.hosts.flatMap((h) => h.status?.exposed ?? []);
  if (!exposed.length && !topology.containers.length) return null;
  const networks = [...new Set(exposed.map((e) => overlayNetwork(e.cidr)))].sort();
  const bridges = [...new Set(exposed.map((e) => e.bridge))].sort();
  return {
    id: overlayNodeId,
    type: 'overlay',
    position: { x: 0, y: 0 },
    ariaLabel: `overlay ${networks.join(', ') || 'network'}`,
    draggable: false,
    selectable: false,
    data: { networks, bridges },
  };
}

function frontNode(
  host: string,
  b: Pick<BindingReport, 'kind' | 'front'>,
  endpoint: (id: string, data: EndpointNodeData, parentId?: string) => EndpointNode,
  byAddress: Map<string, string>,
  dimmed: boolean,
): EndpointNode {
  const dim = dimmed ? { dimmed: true } : {};
  if (b.kind === 'import') {
    const address = b.front.address ?? '?';
    // An address the host holds on a plain interface (not exposed through Switchyard) is still the front.
    const held = byAddress.get(address);
    if (held?.startsWith(`iface:${host}:`)) return endpoint(held, { kind: 'interface', label: address, ports: [], ...dim });
    return endpoint(nodeId.exposed(host, address), { kind: 'exposed', label: address, address, host, ports: [], detail: 'not exposed', ...dim }, nodeId.host(host));
  }
  const iface = b.front.iface ?? '*';
  return endpoint(nodeId.iface(host, iface), { kind: 'interface', label: iface === '*' ? 'all interfaces' : iface, host, ports: [], detail: iface === '*' ? 'every local address' : 'not on the host', ...dim }, nodeId.host(host));
}
