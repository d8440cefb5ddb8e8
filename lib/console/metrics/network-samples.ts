import type { BindingReport, KernelState, ProbeResult } from '@/lib/engine/model/report';
import type { HostView } from '../topology';
import type { NetworkFamily } from './metric-families';

/** One sample of a family: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Every family's samples at one moment (a family with no samples is present and empty). */
export type NetworkSamples = Record<NetworkFamily, Sample[]>;

/** A host view with the console's last health probe of each binding, where the hub has them. */
export type ProbedHostView = HostView & { probes?: readonly ProbeResult[] };

const kernelStates: readonly KernelState[] = ['active', 'drifted', 'missing'];

const empty = (): NetworkSamples => ({
  hostReachable: [],
  hostLastSeenAge: [],
  hostWatcherRunning: [],
  bindingConnections: [],
  bindingPackets: [],
  bindingBytes: [],
  bindingState: [],
  bindingProbeSuccess: [],
  bindingProbeLatency: [],
});

/** How long ago the host answered: 0 while its session is up and current, else since it was last seen. */
function lastSeenAge(host: HostView, now: number): number | null {
  if (host.reachable && !host.stale) return 0;
  if (!host.seenAt) return null;
  return Math.max(0, (now - Date.parse(host.seenAt)) / 1000);
}

/** A probe of the binding's previous target (before a rebind) says nothing about the current one. */
const currentProbe = (b: BindingReport, probe: ProbeResult | undefined): ProbeResult | undefined =>
  probe && probe.target === `${b.target.address}:${b.target.port}` ? probe : undefined;

function addBinding(out: NetworkSamples, host: string, b: BindingReport, probe: ProbeResult | undefined): void {
  const labels = { host, binding: b.id, kind: b.kind };
  // The nat hook counts a flow's first packet only, so its count is the connections where no traffic block exists.
  out.bindingConnections.push({ labels, value: b.traffic?.connections ?? b.counters.packets });
  if (b.traffic) {
    for (const [direction, c] of [['to_target', b.traffic.toTarget], ['from_target', b.traffic.fromTarget]] as const) {
      out.bindingPackets.push({ labels: { ...labels, direction }, value: c.packets });
      out.bindingBytes.push({ labels: { ...labels, direction }, value: c.bytes });
    }
  }
  for (const state of kernelStates) out.bindingState.push({ labels: { ...labels, state }, value: b.state === state ? 1 : 0 });
  if (probe && probe.outcome !== 'unprobed') {
    out.bindingProbeSuccess.push({ labels, value: probe.outcome === 'ok' ? 1 : 0 });
    if (probe.latencyMs !== undefined) out.bindingProbeLatency.push({ labels, value: probe.latencyMs / 1000 });
  }
}

/**
 * The hub's state as metric samples: per host its reachability, last-seen age and watcher; per
 * binding of a reachable host its connections, packets and bytes both ways, kernel state and last
 * probe. Bindings of an unreachable host are left out: their last-known counters are not current.
 */
export function networkSamples(hosts: readonly ProbedHostView[], now: number): NetworkSamples {
  const out = empty();
  for (const host of hosts) {
    out.hostReachable.push({ labels: { host: host.name, transport: host.transport }, value: host.reachable ? 1 : 0 });
    const age = lastSeenAge(host, now);
    if (age !== null) out.hostLastSeenAge.push({ labels: { host: host.name }, value: age });
    if (!host.reachable) continue;
    const { status } = host;
    if (status.watcher) out.hostWatcherRunning.push({ labels: { host: host.name }, value: status.watcher.running ? 1 : 0 });
    const probes = new Map((host.probes ?? []).map((p) => [p.id, p]));
    for (const b of status.bindings) addBinding(out, host.name, b, currentProbe(b, probes.get(b.id)));
  }
  return out;
}
