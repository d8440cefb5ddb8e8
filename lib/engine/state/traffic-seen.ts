import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Per binding: the connection count last observed, and when it was first seen at that count. */
type Seen = Record<string, { connections: number; seen?: string }>;

/** One binding's connection count as observed now; undefined when its traffic is not known (it is then not recorded). */
export type Observed = { id: string; connections: number } | undefined;

/**
 * When each binding's connection counter was first observed higher than at the previous
 * observation (pure function over the previous record `before`): `seen[i]` for binding `i`
 * (undefined: never, or its counter was reset), and the record to keep, as JSON text. Each
 * binding is observed once (`observe(i)`) and nothing is kept of it but that moment, so stamping
 * 10,000 bindings holds no object per binding.
 */
export function stampLastSeen(count: number, observe: (i: number) => Observed, before: Seen, now: string): { seen: (string | undefined)[]; after: string } {
  const seen = new Array<string | undefined>(count);
  const after: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = observe(i);
    if (!b) continue;
    const prev = Object.hasOwn(before, b.id) ? before[b.id] : undefined;
    const rose = prev ? b.connections > prev.connections : b.connections > 0;
    // A counter that went down was reset (flush, remove and re-add): what was seen before no longer applies.
    const at = rose ? now : prev && b.connections === prev.connections ? prev.seen : undefined;
    seen[i] = at;
    after.push(`${JSON.stringify(b.id)}:${JSON.stringify({ connections: b.connections, ...(at ? { seen: at } : {}) })}`);
  }
  return { seen, after: `{${after.join(',')}}` };
}

/**
 * `stampLastSeen` against the record in `<dir>/traffic.json` (read, then replaced); a record that
 * cannot be read or written only loses the stamp. Without a directory nothing is stamped.
 */
export async function lastConnectionsSeen(dir: string | undefined, count: number, observe: (i: number) => Observed): Promise<(string | undefined)[]> {
  if (!dir) {
    for (let i = 0; i < count; i++) observe(i);
    return new Array<string | undefined>(count);
  }
  const file = join(dir, 'traffic.json');
  const before = (await readFile(file, 'utf8').then(JSON.parse, () => ({}))) as Seen;
  const r = stampLastSeen(count, observe, before && typeof before === 'object' ? before : {}, new Date().toISOString());
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, r.after + '\n', { mode: 0o600 })
    .then(() => rename(tmp, file))
    .catch(() => undefined);
  return r.seen;
}
