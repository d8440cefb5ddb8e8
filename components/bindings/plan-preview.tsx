import type { ChangeReport } from '@/lib/console/topology';

/** What a plan would change on a host: binding-level changes, then the exact iptables-restore script. */
export function PlanPreview({ host, plan }: { host: string; plan: ChangeReport }) {
  return (
    <section aria-label="Plan" className="flex flex-col gap-2 rounded-lg border border-violet-200 bg-violet-50 p-3">
      <h3 className="text-sm font-semibold text-violet-900">Plan on {host}</h3>
      <ul className="text-sm text-violet-900">
        {plan.changes.map((c) => (
          <li key={`${c.op}-${c.id}`}>
            {c.op} <span className="font-mono">{c.id}</span>
            {c.after && (
              <span className="text-violet-700">
                {' '}
                ({c.after.kind} {c.after.front.iface ?? c.after.front.address ?? '*'}:{c.after.front.port} → {c.after.target.name}:{c.after.target.port}
                {c.after.target.name !== c.after.target.address ? `, resolves to ${c.after.target.address}` : ''})
              </span>
            )}
          </li>
        ))}
      </ul>
      {plan.warnings.map((w) => (
        <p key={w} className="text-xs text-amber-800">
          {w}
        </p>
      ))}
      <pre className="max-h-56 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-[11px] leading-relaxed text-slate-100">{plan.script || '(no rule changes)'}</pre>
    </section>
  );
}
