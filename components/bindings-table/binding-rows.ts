import type { BindingReport, KernelState, Topology } from '@/lib/console/topology';
import type { ForeignRule } from '@/lib/engine/model/report';
import { bindingKey, foreignKey, keyText, type BindingKey } from '@/components/console/binding-key';
import { targetText } from '@/components/graph/binding-label';

/** What a row lists: a binding Switchyard owns, or a foreign DNAT rule it found on the host. */
export type RowKind = 'export' | 'import' | 'foreign';

/** One line of the bindings table. */
export interface BindingRow {
  key: BindingKey;
  /** `keyText(key)`: the row's React key and its edge's id. */
  keyText: string;
  host: string;
  /** The binding's id, or a foreign rule's ref. */
  id: string;
  kind: RowKind;
  /** Where it listens: `eth0 · tcp · 2211`, `10.2.1.3 · tcp · 3322`. */
  front: string;
  /** The front port, for sorting (none for a foreign rule that matches any port). */
  port: number | null;
  /** Where it sends: `a1:4422`. */
  target: string;
  /** What the kernel holds for it; null for a foreign rule (not Switchyard's). */
  state: KernelState | null;
  /** Connections (or, from hosts that do not count them, packets) seen; null when nothing counts it. */
  traffic: number | null;
  trafficUnit: 'connections' | 'packets' | null;
  /** Everything a search term may match, lower case, fields apart. */
  haystack: string;
}

/** Every binding and foreign DNAT rule of every host, as table rows, in the order the hosts report them. */
export function bindingRows(topology: Topology): BindingRow[] {
  const rows: BindingRow[] = [];
  for (const h of topology.hosts) {
    // An unreachable host keeps its last-known bindings listed, as the graph keeps drawing them.
    if (!h.status) continue;
    for (const b of h.status.bindings) rows.push(bindingRow(h.name, b));
    for (const f of h.status.foreign ?? []) rows.push(foreignRow(h.name, f));
  }
  return rows;
}

function bindingRow(host: string, b: BindingReport): BindingRow {
  const where = b.kind === 'import' ? (b.front.address ?? '?') : (b.front.iface ?? '*');
  const traffic = b.traffic ? b.traffic.connections : b.counters.packets;
  return row({
    key: bindingKey(host, b.id),
    host,
    id: b.id,
    kind: b.kind,
    front: `${where} · ${b.proto} · ${b.front.port}`,
    port: b.front.port,
    target: targetText(b),
    state: b.state,
    traffic,
    trafficUnit: b.traffic ? 'connections' : 'packets',
  }, [String(b.target.port), b.target.address]);
}

function foreignRow(host: string, f: ForeignRule): BindingRow {
  const m = f.match ?? {};
  const where = m.destination && m.iface ? `${m.destination} on ${m.iface}` : (m.destination ?? m.iface ?? 'any address');
  return row({
    key: foreignKey(host, f.ref),
    host,
    id: f.ref,
    kind: 'foreign',
    front: `${where} · ${m.proto ?? 'any'} · ${m.port ?? 'any port'}`,
    port: m.port ?? null,
    target: foreignTarget(f),
    state: null,
    traffic: null,
    trafficUnit: null,
  }, [f.chain, f.table]);
}

/** Where a foreign rule sends: what adopting it would target, else its DNAT destination as written. */
function foreignTarget(f: ForeignRule): string {
  if (f.adoptAs) return f.adoptAs.to;
  const m = /--to-destination\s+(\S+)|\bdnat(?:\s+ip)?\s+to\s+(\S+)/.exec(f.rule);
  return m?.[1] ?? m?.[2] ?? '?';
}

function row(r: Omit<BindingRow, 'keyText' | 'haystack'>, extra: string[]): BindingRow {
  // Fields apart by a newline, which no search term holds, so a term never matches across two fields.
  const haystack = [r.host, r.id, r.kind, r.front, r.target, r.state ?? 'foreign', ...extra].join('\n').toLowerCase();
  return { ...r, keyText: keyText(r.key), haystack };
}
