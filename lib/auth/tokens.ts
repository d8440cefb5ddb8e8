import { store, type Database } from '@/lib/store';
import { hashSecret, newSecret } from './secret';
import type { User } from './user';
import { findUser, userById, UserError } from './users';

/** An API token as admins see it: never the secret itself. */
export interface TokenInfo {
  id: number;
  username: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Create an API token for a user; the returned secret is shown once and only its hash is kept. */
export function createToken(username: string, label?: string, db: Database = store()): string {
  const user = findUser(username, db);
  if (!user) throw new UserError('not-found', `There is no user "${username}"`);
  const token = newSecret('syt_');
  db.prepare('INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)').run(hashSecret(token), user.id, label ?? null, new Date().toISOString());
  return token;
}

/** The owner of an API token, or null when it is unknown or revoked. */
export function userForToken(token: string, db: Database = store()): User | null {
  const hash = hashSecret(token);
  const row = db.prepare<[string], { user_id: number }>('SELECT user_id FROM api_tokens WHERE token_hash = ?').get(hash);
  if (!row) return null;
  db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?').run(new Date().toISOString(), hash);
  return userById(row.user_id, db);
}

/** Every token (or one user's), newest first. */
export function listTokens(username?: string, db: Database = store()): TokenInfo[] {
  return db
    .prepare<[string | null, string | null], { id: number; username: string; label: string | null; created_at: string; last_used_at: string | null }>(
      'SELECT t.id, u.username, t.label, t.created_at, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE ? IS NULL OR u.username = ? ORDER BY t.id DESC',
    )
    .all(username ?? null, username ?? null)
    .map((r) => ({ id: r.id, username: r.username, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Revoke a token by its id; false when there was none. */
export const revokeToken = (id: number, db: Database = store()): boolean => db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0;
