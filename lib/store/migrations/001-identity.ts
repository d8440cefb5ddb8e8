import type { Migration } from '../migration';

/** Users, their server-side sessions, API tokens, and failed sign-ins (for slowing down guessing). */
export const identity: Migration = {
  version: 1,
  name: 'identity',
  sql: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
      hosts TEXT,                         -- JSON array of host names; NULL means every host
      password_hash TEXT,                 -- NULL for single sign-on users
      must_change_password INTEGER NOT NULL DEFAULT 0,
      source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'sso')),
      created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,        -- sha256 of the cookie value; the value itself is never stored
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,        -- ms since epoch
      last_seen_at INTEGER NOT NULL,
      address TEXT,
      user_agent TEXT
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      label TEXT,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    );
    CREATE TABLE sign_in_failures (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL,
      address TEXT NOT NULL,
      at INTEGER NOT NULL                 -- ms since epoch
    );
    CREATE INDEX sign_in_failures_username ON sign_in_failures(username, at);
    CREATE INDEX sign_in_failures_address ON sign_in_failures(address, at);
  `,
};
