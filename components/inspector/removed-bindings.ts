import type { AuditEntry } from '@/lib/audit';

/** A binding whose last applied change in the audit trail removed it. */
export interface RemovedBinding {
  host: string;
  id: string;
  /** When it was removed, and by whom. */
  at: string;
  who: string;
}

/**
 * The bindings the audit trail last saw removed, newest removal first (any order in): for each host
 * and binding, its newest applied change is a removal (an undo's or a revert's included).
 */
export function removedBindings(rows: readonly AuditEntry[]): RemovedBinding[] {
  const newest = new Map<string, AuditEntry>();
  for (const r of rows) {
    if (r.outcome !== 'ok' || r.action === 'preview' || !r.binding || !r.host) continue;
    const key = `${r.host}/${r.binding}`;
    if ((newest.get(key)?.id ?? -1) < r.id) newest.set(key, r);
  }
  return [...newest.values()]
    .filter((r) => /^remove( \((undo|revert)\))?$/.test(r.action))
    .sort((a, b) => b.id - a.id)
    .map((r) => ({ host: r.host!, id: r.binding!, at: r.at, who: r.username ?? '(not signed in)' }));
}
