import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BindingReport } from '../model/report';

/** Per binding: the connection count last observed, and when it was first seen at that count. */
type Seen = Record<string, { connections: number; seen?: string }>;

/** What stamping reads and writes of a report: its id and traffic. */
type Stampable = Pick<BindingReport, 'id' | 'traffic'>;

/**
 * Stamp each binding's `traffic.lastConnectionSeen`: the moment its connection counter was first
 * observed higher than at the previous observation, kept in `<dir>/traffic.json` (pure function
 * over the previous record; the caller reads and writes the file).
 */
export function stampLastSeen<T extends Stampable>(bindings: T[], before: Seen, now: string): { bindings: T[]; after: Seen } {
  const after: Seen = {};
  const out = bindings.map((b) => {
    if (!b.traffic) return b;
    const prev = before[b.id];
    const rose = prev ? b.traffic.connections > prev.connections : b.traffic.connections > 0;
    // A counter that went down was reset (flush, remove and re-add): what was seen before no longer applies.
    const seen = rose ? now : prev && b.traffic.connections === prev.connections ? prev.seen : undefined;
    after[b.id] = { connections: b.traffic.connections, ...(seen ? { seen } : {}) };
    return seen ? { ...b, traffic: { ...b.traffic, lastConnectionSeen: seen } } : b;
  });
  return { bindings: out, after };
}

/** `stampLastSeen` against the record in the state directory; a record that cannot be read or written only loses the stamp. */
export async function withLastSeen<T extends Stampable>(dir: string | undefined, bindings: T[]): Promise<T[]> {
  if (!dir) return bindings;
  const file = join(dir, 'traffic.json');
  const before = (await readFile(file, 'utf8').then(JSON.parse, () => ({}))) as Seen;
  const r = stampLastSeen(bindings, before && typeof before === 'object' ? before : {}, new Date().toISOString());
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(r.after) + '\n', { mode: 0o600 })
    .then(() => rename(tmp, file))
    .catch(() => undefined);
  return r.bindings;
}
