import type { HostView } from '@/lib/console/topology';
import type { HostRecord } from './host-record';

/** A hub record as the page draws it. */
export function hostView(r: HostRecord): HostView {
  const base = { name: r.name, transport: r.transport, seq: r.seq };
  const seen = r.seenAt ? { seenAt: r.seenAt } : {};
  if (r.freshness === 'down') return { ...base, reachable: false, error: r.reason ?? 'unreachable', ...(r.status ? { status: r.status } : {}), ...seen };
  if (!r.status) return { ...base, reachable: false, error: `waiting for ${r.name} to answer`, connecting: true };
  return { ...base, reachable: true, status: r.status, ...seen, ...(r.freshness === 'stale' ? { stale: true } : {}) };
}
