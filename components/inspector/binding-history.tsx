'use client';

import { useState, useTransition } from 'react';
import type { BindingReport, ChangeReport } from '@/lib/console/topology';
import { previewBinding } from '@/components/bindings/actions';
import { PlanPreview } from '@/components/bindings/plan-preview';
import type { Recreation } from '@/components/console/change-inverse';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import { buttonClass } from '@/components/console/field';
import { runInverse } from '@/components/console/run-inverse';
import { useApplyResult } from '@/components/console/use-apply-result';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { targetText } from '@/components/graph/binding-label';
import { recreationAt, revertTarget, type HistoryEntry } from './history-entries';
import { useBindingHistory } from './use-binding-history';

const when = (iso: string): string => `${iso.replace('T', ' ').slice(0, 19)} UTC`;
const verb = (e: HistoryEntry): string => (e.reason ? `${e.action} (${e.reason})` : e.action);

/**
 * The binding's applied changes from the audit trail (who, when, before → after), with "Revert to this"
 * on earlier states: a rebind while the binding exists; for a removed one (`binding` null), its
 * re-creation, shown as a plan first and applied with "Apply".
 */
export function BindingHistory({ host, id, binding, mayRevert }: { host: string; id: string; binding: BindingReport | null; mayRevert: boolean }) {
  const history = useBindingHistory(host, id, binding?.revision ?? null);
  const store = useConsoleStoreApi();
  const applyResult = useApplyResult();
  const offerUndo = useOfferUndo();
  const [busy, startTransition] = useTransition();
  const [proposal, setProposal] = useState<{ recreation: Recreation; plan: ChangeReport } | null>(null);
  const current = binding ? targetText(binding) : null;

  const revert = (to: string) =>
    startTransition(async () => {
      const r = await runInverse({ action: 'rebind', host, id, target: to, revision: binding!.revision }, 'revert');
      applyResult(r.ok ? { ...r, message: `Reverted: ${r.message}` } : r);
      // The history has no alert of its own: a refused revert is said on the status line.
      if (!r.ok) store.getState().announce(`Not reverted: ${r.message}`);
      offerUndo({ kind: 'rebind', host, id, from: current!, to }, r);
    });

  const propose = (recreation: Recreation) =>
    startTransition(async () => {
      const { action: _create, ...input } = recreation;
      const r = await previewBinding(input);
      if (r.ok && r.plan) setProposal({ recreation, plan: r.plan });
      else store.getState().announce(`Not reverted: ${r.message}`);
    });

  const recreate = (recreation: Recreation) =>
    startTransition(async () => {
      const r = await runInverse(recreation, 'revert');
      setProposal(null);
      applyResult(r.ok ? { ...r, message: `Reverted: ${r.message}` } : r);
      if (!r.ok) store.getState().announce(`Not reverted: ${r.message}`);
      offerUndo({ kind: 'create', host, id }, r);
    });

  const revertOf = (e: HistoryEntry, all: readonly HistoryEntry[]): (() => void) | null => {
    if (!mayRevert) return null;
    if (current !== null) {
      const to = revertTarget(e, current);
      return to ? () => revert(to) : null;
    }
    const recreation = recreationAt(all, e, host, id);
    return recreation ? () => propose(recreation) : null;
  };

  return (
    <section aria-label="History" className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">History</h3>
      {history === null ? (
        <p aria-busy className="text-xs text-slate-500">
          Reading the audit trail…
        </p>
      ) : typeof history === 'string' ? (
        <p className="text-xs text-rose-700">{history}</p>
      ) : history.length === 0 ? (
        <p className="text-xs text-slate-500">No changes recorded by this console.</p>
      ) : (
        <ol className="flex flex-col gap-1.5 text-xs">
          {history.map((e) => {
            const onRevert = revertOf(e, history);
            return (
              <li key={e.auditId} className="flex flex-wrap items-center gap-x-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
                <span className="font-medium">{verb(e)}</span>
                <span>by {e.who}</span>
                <time dateTime={e.at} className="text-slate-500">
                  {when(e.at)}
                </time>
                <span className="basis-full font-mono">
                  {e.before ?? '—'} → {e.after ?? '—'}
                </span>
                {onRevert && (
                  <button type="button" className={`${buttonClass.secondary} mt-1 !px-2 !py-0.5 !text-xs`} disabled={busy} onClick={onRevert}>
                    Revert to this
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {proposal && (
        <div role="group" aria-label="Confirm revert" className="mt-2 flex flex-col gap-2">
          <p className="text-sm [overflow-wrap:anywhere]">
            Create {proposal.recreation.kind} <span className="font-mono">{id}</span> on {host} again, aimed at <span className="font-mono">{proposal.recreation.target}</span>?
          </p>
          <PlanPreview host={host} plan={proposal.plan} />
          <div className="flex gap-2">
            <button type="button" className={buttonClass.primary} disabled={busy} onClick={() => recreate(proposal.recreation)}>
              Apply
            </button>
            <button type="button" className={buttonClass.secondary} disabled={busy} onClick={() => setProposal(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
