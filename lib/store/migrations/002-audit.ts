import type { Migration } from '../migration';

/** The audit trail: one row per change (intent, then its outcome) or refusal. */
export const audit: Migration = {
  version: 2,
  name: 'audit',
  sql: `
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      username TEXT,                      -- NULL when nobody was signed in
      address TEXT,
      host TEXT,
      action TEXT NOT NULL,
      binding TEXT,
      target_before TEXT,
      target_after TEXT,
      args TEXT,                          -- JSON: what the host was asked
      outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'ok', 'refused', 'failed')),
      message TEXT,
      finished_at TEXT
    );
    CREATE INDEX audit_username ON audit(username, id);
    CREATE INDEX audit_host ON audit(host, id);
    CREATE INDEX audit_binding ON audit(binding, id);
  `,
};
