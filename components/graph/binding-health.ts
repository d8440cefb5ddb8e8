import type { ProbeResult } from '@/lib/console/topology';

/** What the console's probe says of a binding's target: answering, failing, or not known. */
export type Health = 'ok' | 'failing' | 'unprobed';

/** A binding's health from its last probe (pure): refused, timeout, unreachable or error is failing, whatever the kernel holds. */
export function bindingHealth(probe: ProbeResult | undefined): Health {
  if (!probe || probe.outcome === 'unprobed') return 'unprobed';
  return probe.outcome === 'ok' ? 'ok' : 'failing';
}

/** The health in words, with the latency: `ok in 0.4 ms`, `refused (ECONNREFUSED)`, `not probed yet`. */
export function healthText(probe: ProbeResult | undefined): string {
  if (!probe) return 'not probed yet';
  if (probe.outcome === 'unprobed') return `not probed (${probe.proto}: silence proves nothing)`;
  if (probe.outcome === 'ok') return `ok in ${probe.latencyMs ?? '?'} ms`;
  if (probe.outcome === 'timeout') return 'timeout: no answer within 2 s';
  return `${probe.outcome}${probe.latencyMs !== undefined ? ` after ${probe.latencyMs} ms` : ''}${probe.error ? ` (${probe.error})` : ''}`;
}

/** The dot colour for each health. */
export const healthDot: Record<Health, string> = { ok: 'bg-emerald-500', failing: 'bg-rose-600', unprobed: 'bg-slate-400' };
