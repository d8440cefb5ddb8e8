'use client';

import type { BindingReport } from '@/lib/console/topology';
import { buttonClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { repairAction } from './drift-actions';

function RuleList({ title, rules }: { title: string; rules: string[] }) {
  if (!rules.length) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold text-amber-900">{title}</h4>
      <ul aria-label={title} className="mt-0.5 flex flex-col gap-0.5">
        {rules.map((r) => (
          <li key={r} className="break-all rounded bg-white/70 px-1.5 py-0.5 font-mono text-[11px] text-slate-900">
            {r}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A drifted binding's exact missing and unexpected rules, and "Repair" (operators of its host) to put that binding alone back. */
export function DriftRules({ host, binding: b, mayRepair }: { host: string; binding: BindingReport; mayRepair: boolean }) {
  const { result, busy, run } = useChangeAction();
  if (!b.drift && b.state === 'active') return null;
  const missing = b.drift?.missing ?? [];
  const unexpected = b.drift?.unexpected ?? [];
  return (
    <div role="group" aria-label="Drift" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
      <p>
        {b.state === 'missing'
          ? 'None of this binding’s rules are in the kernel.'
          : `Drift: ${missing.length} expected ${missing.length === 1 ? 'rule' : 'rules'} missing, ${unexpected.length} unexpected.`}
      </p>
      <RuleList title="Missing from the kernel" rules={missing} />
      <RuleList title="Unexpected in the kernel" rules={unexpected} />
      {mayRepair && (
        <div>
          <button
            type="button"
            className={buttonClass.primary}
            disabled={busy}
            onClick={() => run(() => repairAction({ host, id: b.id }))}
          >
            {busy ? 'Repairing…' : 'Repair'}
          </button>
        </div>
      )}
      <FormAlert result={result} />
    </div>
  );
}
