import { store, type Database } from '@/lib/store';
import { hashSecret, newSecret } from './secret';
import { sessionAlive, sessionPolicy, touchEveryMs, type SessionPolicy } from './session-policy';
import type { User } from './user';
import { userById } from './users';

/** Where a session was started from, kept with it (and shown to admins). */
export interface SessionMeta {
  address?: string;
  userAgent?: string;
}

/** Start a server-side session for a user; returns the secret for the cookie (only its hash is stored). */
export function startSession(userId: number, meta: SessionMeta, db: Database = store(), now = Date.now()): string {
  const token = newSecret();
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?)').run(
    hashSecret(token),
    userId,
    now,
    now,
    meta.address ?? null,
    meta.userAgent?.slice(0, 256) ?? null,
  );
  return token;
}

/** The user a session cookie stands for, or null when it is unknown, revoked or expired (an expired row is deleted). */
export function sessionUser(token: string, db: Database = store(), now = Date.now(), policy: SessionPolicy = sessionPolicy): User | null {
  const hash = hashSecret(token);
  const row = db
    .prepare<[string], { user_id: number; created_at: number; last_seen_at: number }>('SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?')
    .get(hash);
  if (!row) return null;
  if (!sessionAlive({ createdAt: row.created_at, lastSeenAt: row.last_seen_at }, now, policy)) {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return null;
  }
  if (now - row.last_seen_at >= touchEveryMs) db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, hash);
  return userById(row.user_id, db);
}

/** End one session (sign out). */
export const endSession = (token: string, db: Database = store()): void => {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashSecret(token));
};

/** Remove sessions that have expired, so the table does not grow without end. */
export function sweepSessions(db: Database = store(), now = Date.now(), policy: SessionPolicy = sessionPolicy): number {
  return db.prepare('DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?').run(now - policy.idleMs, now - policy.absoluteMs).changes;
}
