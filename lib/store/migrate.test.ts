import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storeFile } from './db';
import { appliedVersions, migrate } from './migrate';
import { migrations } from './migrations';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'switchyard-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tables = (db: Database.Database) => db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('bring an empty data directory to the latest schema, in WAL mode', () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'nested'));
    expect([...appliedVersions(db)].sort()).toEqual(migrations.map((m) => m.version));
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens', 'sign_in_failures', 'audit', 'schema_migrations']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('bring an older database forward and keep its rows', () => {
    const dir = tempDir();
    const old = new Database(storeFile(dir));
    expect(migrate(old, migrations.slice(0, 1))).toEqual([1]);
    old.prepare("INSERT INTO users (username, role, password_hash, created_at) VALUES ('ann', 'operator', 'x', '2026-01-01')").run();
    expect(tables(old)).not.toContain('audit');
    old.close();

    const db = openStore(dir);
    expect([...appliedVersions(db)].sort()).toEqual(migrations.map((m) => m.version));
    expect(tables(db)).toContain('audit');
    expect(db.prepare('SELECT username, role FROM users').all()).toEqual([{ username: 'ann', role: 'operator' }]);
    db.close();
  });

  it('apply nothing a second time', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = openStore(dir);
    expect(migrate(db, migrations)).toEqual([]);
    db.close();
  });

  it('refuse a list with a gap, changing nothing', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [migrations[0], { version: 3, name: 'gap', sql: 'CREATE TABLE x (a)' }])).toThrow(/numbered 1, 2, 3/);
    expect(tables(db)).not.toContain('x');
    db.close();
  });

  it('leave the database as it was when a migration fails', () => {
    const dir = tempDir();
    const db = new Database(storeFile(dir));
    expect(() => migrate(db, [migrations[0], { version: 2, name: 'broken', sql: 'CREATE TABLE ok (a); CREATE TABLE broken (' }])).toThrow();
    expect(tables(db)).not.toContain('users');
    expect(tables(db)).not.toContain('ok');
    db.close();
  });
});
