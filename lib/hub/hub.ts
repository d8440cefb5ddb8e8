import type { ProbeResult, StatusReport } from '@/lib/engine/model/report';
import type { Transport } from '@/lib/hosts/host-connection';
import { restoredRecord, withProbes, withSession, withStatus, type HostRecord, type PersistedHost } from './host-record';

/** Called with every record that changed. */
export type HubListener = (record: HostRecord) => void;

/**
 * The console's last-known state of every host: one record per inventory host, each stamped with
 * the change counter (`seq`) at which it last changed, so a browser holding version N needs only
 * the records newer than N. Pure bookkeeping: sessions feed it, the store persists it, SSE reads it.
 */
export class Hub {
  private readonly records = new Map<string, HostRecord>();
  private readonly listeners = new Set<HubListener>();
  private readonly unsaved = new Set<string>();
  private seq = 0;

  constructor(hosts: readonly { name: string; transport: Transport }[], persisted: readonly PersistedHost[] = []) {
    const kept = new Map(persisted.map((p) => [p.name, p]));
    for (const h of hosts) this.records.set(h.name, restoredRecord(h, kept.get(h.name), 0));
  }

  /** The change counter: the highest `seq` of any record. */
  get version(): number {
    return this.seq;
  }

  /** How many listeners (open browser streams, mostly) the hub has. */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Every host's record, in inventory order. */
  hosts(): HostRecord[] {
    return [...this.records.values()];
  }

  /** One host's record. */
  host(name: string): HostRecord | undefined {
    return this.records.get(name);
  }

  /** The records that changed after version `since`. */
  changedSince(since: number): HostRecord[] {
    return this.hosts().filter((r) => r.seq > since);
  }

  /** A status the host pushed or answered with. */
  observeStatus(name: string, status: StatusReport, at: string = new Date().toISOString()): void {
    this.update(name, (r, seq) => withStatus(r, status, at, seq));
  }

  /** The host's session went up or down. */
  observeSession(name: string, change: { up: boolean; reason?: string; at: string }): void {
    this.update(name, (r, seq) => withSession(r, change, seq));
  }

  /** The console's prober probed the host's bindings. */
  observeProbes(name: string, probes: ProbeResult[]): void {
    this.update(name, (r, seq) => withProbes(r, probes, seq));
  }

  /** Hear about every changed record; returns the unsubscribe function. */
  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The hosts whose last-known status changed since the last call, for the store to keep. */
  takeUnsaved(): PersistedHost[] {
    const out: PersistedHost[] = [];
    for (const name of this.unsaved) {
      const r = this.records.get(name);
      if (r?.status && r.seenAt) out.push({ name, status: r.status, seenAt: r.seenAt });
    }
    this.unsaved.clear();
    return out;
  }

  private update(name: string, next: (r: HostRecord, seq: number) => HostRecord): void {
    const current = this.records.get(name);
    if (!current) return;
    const updated = next(current, this.seq + 1);
    if (updated === current) return;
    this.seq = updated.seq;
    this.records.set(name, updated);
    if (updated.status !== current.status || updated.seenAt !== current.seenAt) this.unsaved.add(name);
    for (const l of this.listeners) l(updated);
  }
}
