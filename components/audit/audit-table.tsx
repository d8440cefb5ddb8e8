import type { AuditEntry } from '@/lib/audit';

const outcomeClass: Record<AuditEntry['outcome'], string> = {
  ok: 'text-emerald-700',
  refused: 'text-amber-800',
  failed: 'text-rose-700',
  pending: 'text-slate-500',
};

const change = (e: AuditEntry): string => (e.targetBefore || e.targetAfter ? `${e.targetBefore ?? '—'} → ${e.targetAfter ?? '—'}` : '');

/** The audit trail as a table, newest first; read-only for everyone. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing recorded that matches.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm" aria-label="Audit trail">
      <thead className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-3">When</th>
          <th className="py-1 pr-3">User</th>
          <th className="py-1 pr-3">From</th>
          <th className="py-1 pr-3">Host</th>
          <th className="py-1 pr-3">Action</th>
          <th className="py-1 pr-3">Binding</th>
          <th className="py-1 pr-3">Target before → after</th>
          <th className="py-1 pr-3">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap">{e.at.replace('T', ' ').slice(0, 19)}</td>
            <td className="py-1 pr-3">{e.username ?? '(not signed in)'}</td>
            <td className="py-1 pr-3 font-mono text-xs">{e.address}</td>
            <td className="py-1 pr-3">{e.host}</td>
            <td className="py-1 pr-3">{e.action}</td>
            <td className="py-1 pr-3 font-mono">{e.binding}</td>
            <td className="py-1 pr-3 font-mono text-xs">{change(e)}</td>
            <td className={`py-1 pr-3 ${outcomeClass[e.outcome]}`}>
              {e.outcome}
              {e.message && <span className="block text-xs text-slate-600">{e.message}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
