/** The kind of a metric family, as the Prometheus text format names it. */
export type MetricType = 'gauge' | 'counter';

/** One metric family that `/metrics` exports from the hub's state, rebuilt at every scrape. */
export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  labelNames: readonly string[];
}

const binding = ['host', 'binding', 'kind'] as const;

/**
 * Every family mapped from the hub (the programming-latency histogram is recorded as changes
 * happen, see `console-metrics.ts`). Labels are bounded by the hosts and bindings that exist now.
 */
export const networkFamilies = {
  hostReachable: { name: 'switchyard_host_reachable', help: 'Whether the console reaches the host (1) or its session is down (0), as the console shows it.', type: 'gauge', labelNames: ['host', 'transport'] },
  hostLastSeenAge: { name: 'switchyard_host_last_seen_age_seconds', help: 'Seconds since the host last answered; 0 while its session is up and current.', type: 'gauge', labelNames: ['host'] },
  hostWatcherRunning: { name: 'switchyard_host_watcher_running', help: "Whether the host's `switchyard watch` runs (1) or not (0), as the host last reported.", type: 'gauge', labelNames: ['host'] },
  bindingConnections: { name: 'switchyard_binding_connections_total', help: 'New connections (flows) the binding DNATed, as the kernel counted them.', type: 'counter', labelNames: binding },
  bindingPackets: { name: 'switchyard_binding_packets_total', help: 'Packets forwarded through the binding, per direction (to_target: client to target; from_target: the replies).', type: 'counter', labelNames: [...binding, 'direction'] },
  bindingBytes: { name: 'switchyard_binding_bytes_total', help: 'Bytes forwarded through the binding, per direction (to_target: client to target; from_target: the replies).', type: 'counter', labelNames: [...binding, 'direction'] },
  bindingState: { name: 'switchyard_binding_kernel_state', help: "The binding's rules in the kernel compared with its state file: 1 for its current state (active, drifted or missing), 0 for the others.", type: 'gauge', labelNames: [...binding, 'state'] },
  bindingProbeSuccess: { name: 'switchyard_binding_probe_success', help: "Whether the console's last health probe reached the binding's target (1) or not (0); absent for unprobed (UDP) bindings.", type: 'gauge', labelNames: binding },
  bindingProbeLatency: { name: 'switchyard_binding_probe_latency_seconds', help: "How long the last health probe took to connect (or be refused).", type: 'gauge', labelNames: binding },
} as const satisfies Record<string, MetricFamily>;

/** A family of `networkFamilies`, by its key. */
export type NetworkFamily = keyof typeof networkFamilies;
