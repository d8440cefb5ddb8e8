import type { BindingReport, ForeignRule, HostView } from '@/lib/console/topology';
import { frontHandle, portHandle, type EndpointNode, type ForeignEdge } from './graph-model';
import { foreignEdgeId } from './node-ids';

/** Where the graph draws things, as the binding edges found them (build-graph hands these in). */
export interface GraphPlaces {
  /** The node a front on `host` is drawn at (an interface or exposed address, made if missing). */
  front(host: string, front: Pick<BindingReport, 'kind' | 'front'>, dimmed: boolean): EndpointNode;
  /** The node traffic to `address:port` ends at, with a handle for that port. */
  target(address: string, port: number): EndpointNode;
}

const single = (destination: string | undefined): string | undefined => {
  if (!destination) return undefined;
  const [address, prefix] = destination.split('/');
  return prefix === undefined || prefix === '32' ? address : undefined;
};

/** Where a foreign DNAT rule sends connections: its `--to-destination` (iptables) or `dnat to` (nft), else what it would be adopted as. */
export function foreignTarget(rule: ForeignRule): { address: string; port: number } | null {
  const m = /--to-destination\s+(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?/.exec(rule.rule) ?? /dnat\s+(?:ip\s+)?to\s+(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?/.exec(rule.rule);
  if (m) {
    const port = m[2] ? Number(m[2]) : rule.match?.port ?? rule.adoptAs?.port;
    return port ? { address: m[1], port } : null;
  }
  const to = rule.adoptAs?.to.match(/^(.+):(\d+)$/);
  return to ? { address: to[1], port: Number(to[2]) } : null;
}

/**
 * Where a foreign rule listens, in a binding's words: the front it would be adopted with; else an
 * import on the one address it matches; else an export on the interface it matches (any, if none).
 */
export function foreignFront(rule: ForeignRule): Pick<BindingReport, 'kind' | 'front'> {
  const port = rule.adoptAs?.port ?? rule.match?.port ?? 0;
  if (rule.adoptAs) return rule.adoptAs.kind === 'import' ? { kind: 'import', front: { port, address: rule.adoptAs.on } } : { kind: 'export', front: { port, iface: rule.adoptAs.in } };
  const address = single(rule.match?.destination);
  if (address && !rule.match?.iface) return { kind: 'import', front: { port, address } };
  return { kind: 'export', front: { port, iface: rule.match?.iface } };
}

/** The foreign DNAT rules a host reported, as dashed edges from the front they catch to where they send it. */
export function foreignEdges(h: HostView, places: GraphPlaces): ForeignEdge[] {
  if (!h.status) return [];
  const out: ForeignEdge[] = [];
  for (const rule of h.status.foreign ?? []) {
    const to = foreignTarget(rule);
    if (!to) continue;
    const front = foreignFront(rule);
    const source = places.front(h.name, front, !h.reachable);
    const target = places.target(to.address, to.port);
    const where = front.kind === 'import' ? `${front.front.address}:${front.front.port}` : `${front.front.iface ?? '*'}:${front.front.port}`;
    out.push({
      id: foreignEdgeId(h.name, rule.ref),
      type: 'foreign',
      source: source.id,
      sourceHandle: frontHandle,
      target: target.id,
      targetHandle: portHandle(to.port),
      reconnectable: false,
      ariaLabel: `foreign rule ${rule.ref}: ${h.name} ${where} → ${to.address}:${to.port}`,
      data: { host: h.name, rule, target: `${to.address}:${to.port}`, ...(h.reachable ? {} : { unreachable: true }) },
    });
  }
  return out;
}
