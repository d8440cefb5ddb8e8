'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChangeReport } from '@/lib/console/topology';
import { buttonClass } from '@/components/console/field';
import { PlanPreview } from '@/components/bindings/plan-preview';
import { previewRebindAction } from './rebind-plan-action';
import type { DropProposal } from './use-drop-rebind';

/** "Rebind h3?": the host, the binding, old → new target and the host's plan, with Apply and Cancel. Escape cancels. */
export function RebindConfirmation({ proposal, applying, onApply, onCancel }: { proposal: DropProposal; applying: boolean; onApply: () => void; onCancel: () => void }) {
  const [plan, setPlan] = useState<ChangeReport | string | null>(null);
  const applyButton = useRef<HTMLButtonElement>(null);
  const { host, id, to } = proposal;

  useEffect(() => {
    let current = true;
    setPlan(null);
    void previewRebindAction({ host, id, target: to }).then((r) => {
      if (current) setPlan(r.ok && r.plan ? r.plan : r.message);
    });
    return () => {
      current = false;
    };
  }, [host, id, to]);
  useEffect(() => applyButton.current?.focus(), [proposal.edgeId, to]);

  return (
    <div
      role="dialog"
      aria-labelledby="rebind-confirmation-title"
      className="absolute left-1/2 top-4 z-20 flex max-h-[80%] w-[28rem] -translate-x-1/2 flex-col gap-3 overflow-y-auto rounded-lg border border-violet-300 bg-white p-4 text-sm shadow-xl dark:border-violet-700 dark:bg-slate-900"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !applying) onCancel();
      }}
    >
      <h2 id="rebind-confirmation-title" className="text-base font-semibold">
        Rebind <span className="font-mono">{id}</span>?
      </h2>
      <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Host</dt>
        <dd>{host}</dd>
        <dt className="text-slate-500">Binding</dt>
        <dd className="font-mono">{id}</dd>
        <dt className="text-slate-500">Target</dt>
        <dd className="font-mono">
          {proposal.from} → {to}
        </dd>
      </dl>
      <p className="text-xs text-slate-600 dark:text-slate-400">New connections go to the new target as soon as you apply; established ones keep theirs.</p>
      {/* The buttons stay above the plan, so they do not move when the plan arrives. */}
      <div className="flex gap-2">
        <button ref={applyButton} type="button" className={buttonClass.primary} disabled={applying} onClick={onApply}>
          {applying ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className={buttonClass.secondary} disabled={applying} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {plan === null ? (
        <p aria-busy className="text-xs text-slate-500">
          Asking {host} for the plan…
        </p>
      ) : typeof plan === 'string' ? (
        <p className="text-xs text-amber-800">No plan: {plan}</p>
      ) : (
        <PlanPreview host={host} plan={plan} />
      )}
    </div>
  );
}
