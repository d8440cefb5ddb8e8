import { store, type Database } from '@/lib/store';
import { verifyNothing, verifyPassword } from './password';
import { signInWait, throttlePolicy, type ThrottlePolicy } from './throttle-policy';
import type { User } from './user';
import { findUser, passwordHashOf } from './users';

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

function failureTimes(db: Database, column: 'username' | 'address', value: string, since: number): number[] {
  return db.prepare<[string, number], { at: number }>(`SELECT at FROM sign_in_failures WHERE ${column} = ? AND at > ?`).all(value, since).map((r) => r.at);
}

/**
 * Check a username and password. Repeated failures for one username or from one address make the
 * next try wait (the password is not even looked at meanwhile); a success clears the user's failures.
 */
export async function checkSignIn(
  username: string,
  password: string,
  address: string,
  db: Database = store(),
  now = Date.now(),
  policy: ThrottlePolicy = throttlePolicy,
): Promise<SignInResult> {
  const since = now - policy.windowMs;
  const wait = Math.max(signInWait(failureTimes(db, 'username', username, since), now, policy), signInWait(failureTimes(db, 'address', address, since), now, policy));
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
  const stored = passwordHashOf(username, db);
  const matches = stored ? await verifyPassword(stored, password) : await verifyNothing(password);
  if (!matches) {
    db.transaction(() => {
      db.prepare('INSERT INTO sign_in_failures (username, address, at) VALUES (?, ?, ?)').run(username.slice(0, 64), address, now);
      db.prepare('DELETE FROM sign_in_failures WHERE at <= ?').run(since);
    })();
    return { ok: false, reason: 'invalid' };
  }
  db.prepare('DELETE FROM sign_in_failures WHERE username = ?').run(username);
  return { ok: true, user: findUser(username, db)! };
}
