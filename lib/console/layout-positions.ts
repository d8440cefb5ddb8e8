import { store, type Database } from '@/lib/store';

/** A node's kept place: relative to its host group when it is inside one. */
export type KeptPositions = Record<string, { x: number; y: number }>;

/** Where this user last had each node (table `layout_position`, migration 004). */
export function keptPositions(userId: number, db: Database = store()): KeptPositions {
  const out: KeptPositions = {};
  for (const r of db.prepare<[number], { node_id: string; x: number; y: number }>('SELECT node_id, x, y FROM layout_position WHERE user_id = ?').iterate(userId)) {
    out[r.node_id] = { x: r.x, y: r.y };
  }
  return out;
}

/** Keep these nodes' places for this user (others stay as they were), in one transaction. */
export function keepPositions(userId: number, positions: KeptPositions, db: Database = store()): void {
  const put = db.prepare<[number, string, number, number]>(
    'INSERT INTO layout_position (user_id, node_id, x, y) VALUES (?, ?, ?, ?) ON CONFLICT(user_id, node_id) DO UPDATE SET x = excluded.x, y = excluded.y',
  );
  db.transaction(() => {
    for (const [id, p] of Object.entries(positions)) put.run(userId, id, p.x, p.y);
  })();
}

/** Forget where this user had the nodes: their next page lays the network out afresh. */
export function forgetPositions(userId: number, db: Database = store()): void {
  db.prepare<[number]>('DELETE FROM layout_position WHERE user_id = ?').run(userId);
}
