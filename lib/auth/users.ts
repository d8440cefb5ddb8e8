import { store, type Database } from '@/lib/store';
import { hashPassword } from './password';
import { parseRole, type Role } from './roles';
import { usernamePattern, type User } from './user';

interface UserRow {
  id: number;
  username: string;
  role: string;
  hosts: string | null;
  must_change_password: number;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  role: parseRole(r.role) ?? 'viewer',
  hosts: r.hosts === null ? null : (JSON.parse(r.hosts) as string[]),
  mustChangePassword: r.must_change_password === 1,
});

const columns = 'id, username, role, hosts, must_change_password';

/** A refusal about users, in plain words (unknown user, name taken, bad name). */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: 'not-found' | 'exists' | 'bad-input',
    message: string,
  ) {
    super(message);
  }
}

/** Check a username, throwing a UserError that says what is wrong. */
export function checkUsername(username: string): void {
  if (!usernamePattern.test(username)) throw new UserError('bad-input', `Username "${username}" is not valid: use letters, digits and . _ @ - (at most 64)`);
}

/** Every user, by name. */
export const listUsers = (db: Database = store()): User[] =>
  db.prepare<[], UserRow>(`SELECT ${columns} FROM users ORDER BY username`).all().map(toUser);

/** How many users exist. */
export const countUsers = (db: Database = store()): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;

/** One user by name, or null. */
export function findUser(username: string, db: Database = store()): User | null {
  const row = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE username = ?`).get(username);
  return row ? toUser(row) : null;
}

/** One user by id, or null. */
export function userById(id: number, db: Database = store()): User | null {
  const row = db.prepare<[number], UserRow>(`SELECT ${columns} FROM users WHERE id = ?`).get(id);
  return row ? toUser(row) : null;
}

/** The stored password hash of a local user, or null (unknown user, or single sign-on only). */
export const passwordHashOf = (username: string, db: Database = store()): string | null =>
  db.prepare<[string], { password_hash: string | null }>('SELECT password_hash FROM users WHERE username = ?').get(username)?.password_hash ?? null;

export interface NewUser {
  username: string;
  role: Role;
  hosts?: string[] | null;
  password: string;
  mustChangePassword: boolean;
}

/** Create a local user with a password; refused if the name is taken. */
export async function createUser(u: NewUser, db: Database = store()): Promise<User> {
  checkUsername(u.username);
  const passwordHash = await hashPassword(u.password);
  if (findUser(u.username, db)) throw new UserError('exists', `A user "${u.username}" already exists`);
  const hosts = u.hosts && u.hosts.length > 0 ? JSON.stringify(u.hosts) : null;
  db.prepare('INSERT INTO users (username, role, hosts, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    u.username,
    u.role,
    hosts,
    passwordHash,
    u.mustChangePassword ? 1 : 0,
    new Date().toISOString(),
  );
  return findUser(u.username, db)!;
}

function requireExisting(username: string, db: Database): User {
  const user = findUser(username, db);
  if (!user) throw new UserError('not-found', `There is no user "${username}"`);
  return user;
}

/** Remove a user with their sessions and tokens. */
export function removeUser(username: string, db: Database = store()): void {
  const user = requireExisting(username, db);
  db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
}

/** Change a user's role. */
export function setRole(username: string, role: Role, db: Database = store()): User {
  requireExisting(username, db);
  db.prepare('UPDATE users SET role = ? WHERE username = ?').run(role, username);
  return findUser(username, db)!;
}

/** Limit a user to some hosts (null or empty: every host). */
export function setHosts(username: string, hosts: string[] | null, db: Database = store()): User {
  requireExisting(username, db);
  db.prepare('UPDATE users SET hosts = ? WHERE username = ?').run(hosts && hosts.length > 0 ? JSON.stringify(hosts) : null, username);
  return findUser(username, db)!;
}

/**
 * Set a user's password; `mustChange` makes them choose another at their next sign-in (a reset by
 * an admin). Every session of theirs ends either way, so an old cookie cannot outlive the password.
 */
export async function setPassword(username: string, password: string, mustChange: boolean, db: Database = store()): Promise<User> {
  const user = requireExisting(username, db);
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChange ? 1 : 0, user.id);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
  })();
  return findUser(username, db)!;
}

/** The user a single sign-on identity stands for: created on first sign-in, its role kept in step with the provider's groups. */
export function upsertSsoUser({ username, role }: { username: string; role: Role }, db: Database = store()): User {
  checkUsername(username);
  const existing = findUser(username, db);
  if (existing) {
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, existing.id);
  } else {
    db.prepare("INSERT INTO users (username, role, password_hash, must_change_password, source, created_at) VALUES (?, ?, NULL, 0, 'sso', ?)").run(
      username,
      role,
      new Date().toISOString(),
    );
  }
  return findUser(username, db)!;
}
