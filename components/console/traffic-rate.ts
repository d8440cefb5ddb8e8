import type { Topology } from '@/lib/console/topology';
import { bindingEdgeId } from '@/components/graph/node-ids';

/** One reading of a binding's connection counter, at the time its host's status was observed (ms since the epoch). */
export interface TrafficSample {
  at: number;
  connections: number;
}

/** Rates are over this window: the last minute. */
export const rateWindowMs = 60_000;

/**
 * Add a reading to a binding's samples (pure). Readings older than the last one are ignored; a
 * counter that went down (the rules were flushed or re-created) starts the samples again; samples
 * older than the window are dropped, keeping the newest of them as the window's start.
 */
export function addSample(samples: readonly TrafficSample[], sample: TrafficSample, windowMs = rateWindowMs): TrafficSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.at <= last.at) return samples as TrafficSample[];
  if (last && sample.connections < last.connections) return [sample];
  if (last && sample.connections === last.connections && samples.length > 1 && samples[samples.length - 2].connections === last.connections) {
    // A flat stretch needs only its two ends.
    return trim([...samples.slice(0, -1), sample], sample.at - windowMs);
  }
  return trim([...samples, sample], sample.at - windowMs);
}

function trim(samples: TrafficSample[], from: number): TrafficSample[] {
  let first = 0;
  while (first + 1 < samples.length && samples[first + 1].at <= from) first++;
  return first ? samples.slice(first) : samples;
}

/**
 * New connections per second over the last minute at `now` (pure): the counter's growth since the
 * window's start (or the first reading, if younger) over the time since. A host pushes its status
 * whenever a counter changes, so no newer reading means no growth since the last one. Null while
 * there is not yet a second's worth of readings.
 */
export function connectionRate(samples: readonly TrafficSample[], now: number, windowMs = rateWindowMs): number | null {
  if (!samples.length) return null;
  const last = samples[samples.length - 1];
  const at = Math.max(now, last.at);
  let base = samples[0];
  for (const s of samples) if (s.at <= at - windowMs) base = s;
  const elapsed = at - base.at;
  if (elapsed < 1_000) return null;
  return (last.connections - base.connections) / (elapsed / 1000);
}

/** Connections per second as an edge label shows it: `0.4 conn/s`, `12 conn/s`. */
export function rateText(rate: number): string {
  if (rate === 0) return '0 conn/s';
  if (rate < 0.1) return '<0.1 conn/s';
  return `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} conn/s`;
}

/**
 * Take the traffic readings of a topology into the samples per binding edge (pure): only hosts
 * answering now count (a stale or down host's counters are old news); bindings gone lose their samples.
 */
export function sampleTraffic(held: Readonly<Record<string, TrafficSample[]>>, topology: Topology): Record<string, TrafficSample[]> {
  const out: Record<string, TrafficSample[]> = {};
  for (const h of topology.hosts) {
    if (!h.status) continue;
    const at = h.seenAt ? Date.parse(h.seenAt) : NaN;
    for (const b of h.status.bindings) {
      const key = bindingEdgeId(h.name, b.id);
      const samples = held[key] ?? [];
      const fresh = h.reachable && !h.stale && b.traffic && Number.isFinite(at);
      out[key] = fresh ? addSample(samples, { at, connections: b.traffic!.connections }) : samples;
    }
  }
  return out;
}
