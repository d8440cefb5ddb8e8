'use client';

import { useState, useTransition } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { RemoveRoute } from '@/components/routes/remove-route';
import type { ActionResult } from '@/components/console/action-result';
import { buttonClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useApplyResult } from '@/components/console/use-apply-result';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { removeAction } from './actions';

/** "Remove binding", then a confirmation naming what goes, then "Remove". */
export function RemoveBinding({ host, binding }: { host: string; binding: BindingReport }) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, startTransition] = useTransition();
  const applyResult = useApplyResult();
  const offerUndo = useOfferUndo();
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      {!confirming ? (
        <div>
          <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(true)}>
            Remove binding
          </button>
        </div>
      ) : (
        <div role="group" aria-label="Confirm removal" className="flex flex-col gap-2 rounded-lg border border-rose-200 bg-rose-50 p-3">
          <p className="text-sm text-rose-900">
            Remove <span className="font-mono">{binding.id}</span> from {host}? Its rules leave the kernel at once.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass.danger}
              disabled={busy}
              onClick={() =>
                startTransition(async () => {
                  const r = await removeAction({ host, id: binding.id, revision: binding.revision });
                  setResult(r);
                  applyResult(r);
                  offerUndo({ kind: 'remove', host, binding }, r);
                })
              }
            >
              Remove
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
          <RemoveRoute host={host} id={binding.id} onResult={setResult} />
        </div>
      )}
      <FormAlert result={result} />
    </div>
  );
}
