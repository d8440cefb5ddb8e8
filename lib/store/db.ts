import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { dataDir } from './data-dir';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type { Db as Database };

/** The store's file inside a data directory. */
export const storeFile = (dir: string): string => path.join(dir, 'switchyard.db');

/** Open (creating if needed) the store in `dir`: WAL, foreign keys on, every migration applied. */
export function openStore(dir: string = dataDir()): Db {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = new Database(storeFile(dir));
  // Password hashes and session hashes are nobody else's business (SQLite's -wal/-shm files follow this mode).
  chmodSync(storeFile(dir), 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

// One connection per process, kept across hot reloads and Next's module instances.
const globalStore = globalThis as unknown as { __switchyardStore?: Db };

/** This process's one connection to the store in `SWITCHYARD_DATA_DIR`. */
export function store(): Db {
  globalStore.__switchyardStore ??= openStore();
  return globalStore.__switchyardStore;
}
