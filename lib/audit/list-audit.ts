import { store, type Database } from '@/lib/store';
import type { AuditEntry, AuditOutcome } from './audit-entry';

/** What the audit page filters by (exact matches; empty means any). */
export interface AuditFilter {
  user?: string;
  host?: string;
  binding?: string;
  limit?: number;
}

interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  address: string | null;
  host: string | null;
  action: string;
  binding: string | null;
  target_before: string | null;
  target_after: string | null;
  args: string | null;
  outcome: AuditOutcome;
  message: string | null;
  finished_at: string | null;
}

/** The audit trail, newest first. */
export function listAudit(filter: AuditFilter = {}, db: Database = store()): AuditEntry[] {
  const rows = db
    .prepare<[string | null, string | null, string | null, string | null, string | null, string | null, number], AuditRow>(
      `SELECT * FROM audit
       WHERE (? IS NULL OR username = ?) AND (? IS NULL OR host = ?) AND (? IS NULL OR binding = ?)
       ORDER BY id DESC LIMIT ?`,
    )
    .all(filter.user || null, filter.user || null, filter.host || null, filter.host || null, filter.binding || null, filter.binding || null, filter.limit ?? 500);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    username: r.username,
    address: r.address,
    host: r.host,
    action: r.action,
    binding: r.binding,
    targetBefore: r.target_before,
    targetAfter: r.target_after,
    args: r.args ? (JSON.parse(r.args) as string[]) : [],
    outcome: r.outcome,
    message: r.message,
    finishedAt: r.finished_at,
  }));
}
