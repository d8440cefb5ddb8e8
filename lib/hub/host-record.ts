import type { ProbeResult, StatusReport } from '@/lib/engine/model/report';
import type { Transport } from '@/lib/hosts/host-connection';

/**
 * How current a host's record is: `fresh` — its session is up and this status came through it;
 * `stale` — the status (if any) is from before (a restarted console, a session just back up);
 * `down` — the session is down, and the status is the last one seen.
 */
export type Freshness = 'fresh' | 'stale' | 'down';

/** What the hub knows about one host. */
export interface HostRecord {
  name: string;
  transport: Transport;
  /** The last status the host reported; null until it first answers. */
  status: StatusReport | null;
  /** ISO time the host was last known to answer. */
  seenAt: string | null;
  freshness: Freshness;
  /** Why the session is down (`down` only). */
  reason?: string;
  /** The hub's change counter when this record last changed; browsers ask for what is newer. */
  seq: number;
  /** The last health probe of each of its bindings (the console's prober), if any yet. */
  probes?: ProbeResult[];
}

/** A host's last-known state as the store keeps it across restarts. */
export interface PersistedHost {
  name: string;
  status: StatusReport;
  seenAt: string;
}

/** A host the hub has not heard from in this process: the persisted status, if any, marked stale. */
export function restoredRecord(host: { name: string; transport: Transport }, persisted: PersistedHost | undefined, seq: number): HostRecord {
  return { name: host.name, transport: host.transport, status: persisted?.status ?? null, seenAt: persisted?.seenAt ?? null, freshness: 'stale', seq };
}

const sameStatus = (a: StatusReport | null, b: StatusReport): boolean => a !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * The host reported its status (pushed, or answered): the record becomes fresh. Returns the same
 * record when nothing a browser would see changed, so no delta is sent.
 */
export function withStatus(record: HostRecord, status: StatusReport, at: string, seq: number): HostRecord {
  if (record.freshness === 'fresh' && sameStatus(record.status, status)) return record;
  return { name: record.name, transport: record.transport, status, seenAt: at, freshness: 'fresh', seq, ...probesOf(record) };
}

/**
 * The session went up or down. Up: the host answers again, but its record stays stale until it
 * reports a status. Down: its last-known status stays, with the reason; if it was answering until
 * now, it was last seen now.
 */
export function withSession(record: HostRecord, change: { up: boolean; reason?: string; at: string }, seq: number): HostRecord {
  if (change.up) {
    if (record.freshness !== 'down') return record;
    return { name: record.name, transport: record.transport, status: record.status, seenAt: change.at, freshness: 'stale', seq, ...probesOf(record) };
  }
  const reason = change.reason || 'the session ended';
  if (record.freshness === 'down' && record.reason === reason) return record;
  const seenAt = record.freshness === 'fresh' ? change.at : record.seenAt;
  return { name: record.name, transport: record.transport, status: record.status, seenAt, freshness: 'down', reason, seq, ...probesOf(record) };
}

const probesOf = (r: HostRecord): { probes?: ProbeResult[] } => (r.probes ? { probes: r.probes } : {});

/** The console probed the host's bindings: the record carries the results (the same record when nothing changed). */
export function withProbes(record: HostRecord, probes: ProbeResult[], seq: number): HostRecord {
  if (record.probes && JSON.stringify(record.probes) === JSON.stringify(probes)) return record;
  return { ...record, probes, seq };
}
