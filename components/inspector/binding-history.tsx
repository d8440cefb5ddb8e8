'use client';

import { useTransition } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import { buttonClass } from '@/components/console/field';
import { runInverse } from '@/components/console/run-inverse';
import { useApplyResult } from '@/components/console/use-apply-result';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { targetText } from '@/components/graph/binding-label';
import { revertTarget, type HistoryEntry } from './history-entries';
import { useBindingHistory } from './use-binding-history';

const when = (iso: string): string => `${iso.replace('T', ' ').slice(0, 19)} UTC`;
const verb = (e: HistoryEntry): string => (e.reason ? `${e.action} (${e.reason})` : e.action);

/** The binding's applied changes from the audit trail (who, when, before → after), with "Revert to this" on earlier targets. */
export function BindingHistory({ host, binding, mayRevert }: { host: string; binding: BindingReport; mayRevert: boolean }) {
  const history = useBindingHistory(host, binding);
  const store = useConsoleStoreApi();
  const applyResult = useApplyResult();
  const offerUndo = useOfferUndo();
  const [busy, startTransition] = useTransition();
  const current = targetText(binding);

  const revert = (to: string) =>
    startTransition(async () => {
      const r = await runInverse({ action: 'rebind', host, id: binding.id, target: to, revision: binding.revision }, 'revert');
      applyResult(r.ok ? { ...r, message: `Reverted: ${r.message}` } : r);
      // The history has no alert of its own: a refused revert is said on the status line.
      if (!r.ok) store.getState().announce(`Not reverted: ${r.message}`);
      offerUndo({ kind: 'rebind', host, id: binding.id, from: current, to }, r);
    });

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
            const to = mayRevert ? revertTarget(e, current) : null;
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
                {to && (
                  <button type="button" className={`${buttonClass.secondary} mt-1 !px-2 !py-0.5 !text-xs`} disabled={busy} onClick={() => revert(to)}>
                    Revert to this
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
