import type { AuditEntry } from '@/lib/audit';

/** One applied change to a binding, as its history shows it: who, when, target before → after. */
export interface HistoryEntry {
  auditId: number;
  at: string;
  who: string;
  /** What was done: export, import, rebind, remove (or another verb the trail records). */
  action: string;
  /** Set when the change took another back. */
  reason: 'undo' | 'revert' | null;
  /** The target before the change (null: the binding did not exist). */
  before: string | null;
  /** The target after it (null: the binding was gone). */
  after: string | null;
}

const reasonRe = /^(.*) \((undo|revert)\)$/;

/**
 * A binding's history from its audit rows (any order in, newest first out): only changes that were
 * applied; refusals, previews and changes still pending changed nothing, so they are no state.
 */
export function bindingHistory(rows: readonly AuditEntry[]): HistoryEntry[] {
  return rows
    .filter((r) => r.outcome === 'ok' && r.action !== 'preview')
    .sort((a, b) => b.id - a.id)
    .map((r) => {
      const m = reasonRe.exec(r.action);
      const action = m ? m[1] : r.action;
      const created = action === 'export' || action === 'import';
      return {
        auditId: r.id,
        at: r.at,
        who: r.username ?? '(not signed in)',
        action,
        reason: m ? (m[2] as 'undo' | 'revert') : null,
        before: created ? null : r.targetBefore,
        after: action === 'remove' ? null : r.targetAfter,
      };
    });
}

/** The target "Revert to this" would rebind to: an earlier state's target that is not the current one; null when there is nothing to revert to. */
export function revertTarget(entry: HistoryEntry, currentTarget: string): string | null {
  return entry.after !== null && entry.after !== currentTarget ? entry.after : null;
}
