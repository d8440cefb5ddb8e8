import type { Database } from '@/lib/store';
import type { StatusReport } from '@/lib/engine/model/report';
import type { PersistedHost } from './host-record';

/** Every host's last-known status the store holds (table `host_state`, migration 003). */
export function loadHostStates(db: Database): PersistedHost[] {
  return db
    .prepare<[], { name: string; status: string; seen_at: string }>('SELECT name, status, seen_at FROM host_state')
    .all()
    .map((r) => ({ name: r.name, status: JSON.parse(r.status) as StatusReport, seenAt: r.seen_at }));
}

/** Keep these hosts' last-known status, replacing what was kept, in one transaction. */
export function saveHostStates(db: Database, hosts: readonly PersistedHost[]): void {
  if (!hosts.length) return;
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO host_state (name, status, seen_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at',
  );
  db.transaction(() => {
    for (const h of hosts) upsert.run(h.name, JSON.stringify(h.status), h.seenAt);
  })();
}
