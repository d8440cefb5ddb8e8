import type { AuditEntry } from '@/lib/audit';
import type { Recreation } from '@/components/console/change-inverse';

/** How a creation made the binding: its kind, front, protocol and masquerade (what re-creating it needs besides a target). */
export type MadeAs = Pick<Recreation, 'kind' | 'iface' | 'address' | 'port' | 'proto' | 'masquerade'>;

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
  /** A creation's front and options, read from its engine arguments. */
  made?: MadeAs;
}

/** A creation's front and options from the engine arguments it ran with (`export --in eth0 --port 2211 --proto tcp --to … --id …`), or undefined. */
export function madeAs(args: readonly string[]): MadeAs | undefined {
  const kind = args[0];
  if (kind !== 'export' && kind !== 'import') return undefined;
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(flag('--port'));
  const proto = flag('--proto');
  if (!Number.isInteger(port) || (proto !== 'tcp' && proto !== 'udp')) return undefined;
  const front = kind === 'export' ? { iface: flag('--in') ?? '' } : { address: flag('--on') ?? '' };
  return { kind, ...front, port, proto, masquerade: !args.includes('--no-masquerade') };
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
        ...(created && madeAs(r.args) ? { made: madeAs(r.args) } : {}),
      };
    });
}

/** The target "Revert to this" would rebind to: an earlier state's target that is not the current one; null when there is nothing to revert to. */
export function revertTarget(entry: HistoryEntry, currentTarget: string): string | null {
  return entry.after !== null && entry.after !== currentTarget ? entry.after : null;
}

/**
 * For a binding that no longer exists: the creation that brings back the state `entry` left, with the
 * front of the newest creation at or before it and the target `entry` set; null when that state had
 * no binding or no creation before it is recorded (an adopted rule, or a trail cut short).
 */
export function recreationAt(history: readonly HistoryEntry[], entry: HistoryEntry, host: string, id: string): Recreation | null {
  const at = history.indexOf(entry);
  if (entry.after === null || at < 0) return null;
  const made = history.slice(at).find((e) => e.made)?.made;
  return made ? { action: 'create', host, id, ...made, target: entry.after } : null;
}
