import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store';
import { keepPositions, keptPositions } from './layout-positions';

const dir = mkdtempSync(path.join(tmpdir(), 'switchyard-layout-'));
const db = openStore(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const user = (name: string): number =>
  Number(db.prepare("INSERT INTO users (username, role, password_hash, must_change_password, created_at) VALUES (?, 'viewer', 'x', 0, '2026-01-01') RETURNING id").pluck().get(name));

describe('kept layout positions', () => {
  it('keeps each user’s own positions, updating what moved and leaving the rest', () => {
    const olivia = user('olivia');
    const victor = user('victor');
    keepPositions(olivia, { 'host:host1': { x: 10, y: 20 }, 'container:a1': { x: 14, y: 116 } }, db);
    keepPositions(victor, { 'host:host1': { x: 500, y: 0 } }, db);
    keepPositions(olivia, { 'host:host1': { x: 11.5, y: 21 } }, db);
    expect(keptPositions(olivia, db)).toEqual({ 'host:host1': { x: 11.5, y: 21 }, 'container:a1': { x: 14, y: 116 } });
    expect(keptPositions(victor, db)).toEqual({ 'host:host1': { x: 500, y: 0 } });
  });

  it('forgets a removed user’s positions', () => {
    const gone = user('gone');
    keepPositions(gone, { 'host:host2': { x: 1, y: 2 } }, db);
    db.prepare('DELETE FROM users WHERE id = ?').run(gone);
    expect(keptPositions(gone, db)).toEqual({});
  });
});
