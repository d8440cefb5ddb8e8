import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { networkFamilies, type NetworkFamily } from './metric-families';
import { networkSamples, type ProbedHostView } from './network-samples';

/** The console's Prometheus metrics: the network as the hub sees it, and how long changes take to go live. */
export interface ConsoleMetrics {
  readonly registry: Registry;
  /** A change (export, import, rebind, remove, expose) went live `seconds` after it was requested. */
  observeChange(seconds: number): void;
  /** The exposition text for `hosts` as they are now: every network family rebuilt from them. */
  render(hosts: readonly ProbedHostView[], now?: number): Promise<string>;
}

/**
 * From a change's request to the engine's answer that its rules are live, as kube-proxy's
 * network-programming latency (unlabelled like it): milliseconds on simulated hosts, up to seconds over ssh.
 */
const programmingBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A fresh registry holding the console's metrics (with the process's own with `processMetrics`). */
export function createConsoleMetrics(opts: { processMetrics?: boolean } = {}): ConsoleMetrics {
  const registry = new Registry();
  const programming = new Histogram({
    name: 'switchyard_change_programming_duration_seconds',
    help: "Seconds from a change's request in the console to the host's answer that its rules are live (successful changes only).",
    buckets: programmingBuckets,
    registers: [registry],
  });
  const families = new Map<NetworkFamily, Gauge | Counter>();
  for (const [key, f] of Object.entries(networkFamilies) as [NetworkFamily, (typeof networkFamilies)[NetworkFamily]][]) {
    const config = { name: f.name, help: f.help, labelNames: [...f.labelNames], registers: [registry] };
    families.set(key, f.type === 'counter' ? new Counter(config) : new Gauge(config));
  }
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });

  return {
    registry,
    observeChange: (seconds) => programming.observe(seconds),
    render(hosts, now = Date.now()) {
      // Reset and refill in one synchronous step, so a removed binding leaves no series behind and
      // a concurrent scrape never sees half a refill.
      const samples = networkSamples(hosts, now);
      for (const [key, metric] of families) {
        metric.reset();
        for (const s of samples[key]) {
          if (metric instanceof Counter) metric.inc(s.labels, s.value);
          else metric.set(s.labels, s.value);
        }
      }
      return registry.metrics();
    },
  };
}

// One registry per server process, kept on globalThis: Next.js may load this module once per bundle
// (and again on every reload in development), and the histogram must count across all of them.
const metricsKey = Symbol.for('switchyard.console-metrics');
type Holder = { [metricsKey]?: ConsoleMetrics };

/** The console server's metrics (created on first use). */
export function consoleMetrics(): ConsoleMetrics {
  const g = globalThis as Holder;
  g[metricsKey] ??= createConsoleMetrics({ processMetrics: true });
  return g[metricsKey];
}
