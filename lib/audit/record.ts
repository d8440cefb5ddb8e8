import { store, type Database } from '@/lib/store';
import { AuditUnavailableError, type AuditIntent, type AuditOutcome } from './audit-entry';

function insert(intent: AuditIntent, outcome: AuditOutcome, message: string | null, db: Database): number {
  const now = new Date().toISOString();
  const result = db
    .prepare(
      'INSERT INTO audit (at, username, address, host, action, binding, target_before, target_after, args, outcome, message, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      now,
      intent.username,
      intent.address,
      intent.host,
      intent.action,
      intent.binding ?? null,
      intent.targetBefore ?? null,
      intent.targetAfter ?? null,
      JSON.stringify(intent.args ?? []),
      outcome,
      message,
      outcome === 'pending' ? null : now,
    );
  return Number(result.lastInsertRowid);
}

/**
 * Write what is about to be asked of a host, before it is asked. Throws AuditUnavailableError when
 * the row cannot be written: the caller must then not make the change.
 */
export function recordIntent(intent: AuditIntent, db?: Database): number {
  try {
    return insert(intent, 'pending', null, db ?? store());
  } catch (e) {
    throw new AuditUnavailableError(e);
  }
}

/** Complete an intent with how it ended (and the previous target, when only the host knew it). */
export function recordOutcome(id: number, outcome: Exclude<AuditOutcome, 'pending'>, detail: { message?: string; targetBefore?: string | null } = {}, db?: Database): void {
  (db ?? store())
    .prepare('UPDATE audit SET outcome = ?, message = ?, target_before = coalesce(target_before, ?), finished_at = ? WHERE id = ?')
    .run(outcome, detail.message ?? null, detail.targetBefore ?? null, new Date().toISOString(), id);
}

/** Record a refused request (bad input, wrong role, unknown host, the host said no): nothing was changed. */
export function recordRefusal(intent: AuditIntent, message: string, db?: Database): void {
  insert(intent, 'refused', message, db ?? store());
}
