import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** The schema versions a database has already applied. */
export function appliedVersions(db: Database): Set<number> {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  return new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
}

/**
 * Apply every migration the database lacks, in order, in one write transaction, so a console and
 * the users CLI starting together never apply one twice. Returns the versions it applied.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version} (${m.name}) at position ${i + 1}`);
  });
  const run = db.transaction(() => {
    const done = appliedVersions(db);
    const applied: number[] = [];
    for (const m of ordered) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
