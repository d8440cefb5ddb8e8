import type { HostView } from '@/lib/console/topology';
import type { StatusReport } from '@/lib/engine/model/report';
import type { HostRecord } from './host-record';

// A binding's exact rules are most of a status's size; pages fetch them when a binding is inspected.
const withoutRules = (s: StatusReport): StatusReport => ({ ...s, bindings: s.bindings.map((b) => ({ ...b, rules: [] })) });

/** A hub record as the page draws it (bindings without their rules, see `bindingRulesAction`). */
export function hostView(record: HostRecord): HostView {
  const r = record.status ? { ...record, status: withoutRules(record.status) } : record;
  const base = { name: r.name, transport: r.transport, seq: r.seq, ...(r.probes ? { probes: r.probes } : {}) };
  const seen = r.seenAt ? { seenAt: r.seenAt } : {};
  if (r.freshness === 'down') return { ...base, reachable: false, error: r.reason ?? 'unreachable', ...(r.status ? { status: r.status } : {}), ...seen };
  if (!r.status) return { ...base, reachable: false, error: `waiting for ${r.name} to answer`, connecting: true };
  return { ...base, reachable: true, status: r.status, ...seen, ...(r.freshness === 'stale' ? { stale: true } : {}) };
}
