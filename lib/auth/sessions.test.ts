import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Database } from '@/lib/store';
import { sessionAlive, sessionPolicy } from './session-policy';
import { endSession, sessionUser, startSession, sweepSessions } from './sessions';
import { hashSecret } from './secret';
import { createUser, setPassword } from './users';

const hour = 60 * 60 * 1000;
let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'switchyard-sessions-'));
  db = openStore(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('session policy', () => {
  const t0 = 1_000_000_000_000;
  it('ends a session after the idle limit', () => {
    expect(sessionAlive({ createdAt: t0, lastSeenAt: t0 }, t0 + sessionPolicy.idleMs - 1)).toBe(true);
    expect(sessionAlive({ createdAt: t0, lastSeenAt: t0 }, t0 + sessionPolicy.idleMs)).toBe(false);
  });
  it('ends a session at the absolute limit however active it is', () => {
    const now = t0 + sessionPolicy.absoluteMs;
    expect(sessionAlive({ createdAt: t0, lastSeenAt: now - 1 }, now)).toBe(false);
    expect(sessionAlive({ createdAt: t0, lastSeenAt: now - 1 }, now - 1)).toBe(true);
  });
});

describe('sessions in the store', () => {
  const t0 = Date.parse('2026-03-01T08:00:00Z');

  it('store only the hash of the cookie value and find the user by it', async () => {
    const ann = await createUser({ username: 'ann', role: 'operator', password: 'a long password', mustChangePassword: false }, db);
    const token = startSession(ann.id, { address: '10.0.0.9' }, db, t0);
    const stored = db.prepare<[], { token_hash: string }>('SELECT token_hash FROM sessions').all();
    expect(stored).toEqual([{ token_hash: hashSecret(token) }]);
    expect(sessionUser(token, db, t0 + 1000)?.username).toBe('ann');
    expect(sessionUser(token + 'x', db, t0 + 1000)).toBeNull();
  });

  it('stay alive while used, end after the idle limit, and are deleted then', async () => {
    const ann = await createUser({ username: 'ann', role: 'viewer', password: 'a long password', mustChangePassword: false }, db);
    const token = startSession(ann.id, {}, db, t0);
    // Used every hour: the idle limit (2 h) never passes.
    for (let h = 1; h <= 6; h++) expect(sessionUser(token, db, t0 + h * hour)).not.toBeNull();
    expect(sessionUser(token, db, t0 + 6 * hour + sessionPolicy.idleMs)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('end at the absolute limit even when used all along', async () => {
    const ann = await createUser({ username: 'ann', role: 'viewer', password: 'a long password', mustChangePassword: false }, db);
    const token = startSession(ann.id, {}, db, t0);
    let alive = true;
    for (let t = t0; t <= t0 + sessionPolicy.absoluteMs; t += hour) alive = sessionUser(token, db, t) !== null;
    expect(alive).toBe(false);
  });

  it('are revoked by signing out, by a password change, and by removing the user', async () => {
    const ann = await createUser({ username: 'ann', role: 'viewer', password: 'a long password', mustChangePassword: false }, db);
    const a = startSession(ann.id, {}, db);
    const b = startSession(ann.id, {}, db);
    endSession(a, db);
    expect(sessionUser(a, db)).toBeNull();
    expect(sessionUser(b, db)).not.toBeNull();
    await setPassword('ann', 'another long password', false, db);
    expect(sessionUser(b, db)).toBeNull();
    const c = startSession(ann.id, {}, db);
    db.prepare('DELETE FROM users WHERE id = ?').run(ann.id);
    expect(sessionUser(c, db)).toBeNull();
  });

  it('sweeps expired sessions and keeps live ones', async () => {
    const ann = await createUser({ username: 'ann', role: 'viewer', password: 'a long password', mustChangePassword: false }, db);
    startSession(ann.id, {}, db, t0);
    const live = startSession(ann.id, {}, db, t0 + 3 * hour);
    expect(sweepSessions(db, t0 + 3 * hour + 1)).toBe(1);
    expect(sessionUser(live, db, t0 + 3 * hour + 2)).not.toBeNull();
  });
});
