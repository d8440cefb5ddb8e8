'use client';

import { useState } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { RemoveRoute } from '@/components/routes/remove-route';
import { buttonClass } from '@/components/console/field';
import { ConfirmDanger } from '@/components/console/confirm-danger';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { removeAction } from './actions';

/** "Remove binding", then a confirmation naming what goes, then "Remove". */
export function RemoveBinding({ host, binding }: { host: string; binding: BindingReport }) {
  const [confirming, setConfirming] = useState(false);
  const { result, setResult, busy, run } = useChangeAction();
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
        <ConfirmDanger
          label="Confirm removal"
          confirm="Remove"
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            run(
              () => removeAction({ host, id: binding.id, revision: binding.revision }),
              (r) => offerUndo({ kind: 'remove', host, binding }, r),
            )
          }
          more={<RemoveRoute host={host} id={binding.id} onResult={setResult} />}
        >
          Remove <span className="font-mono">{binding.id}</span> from {host}? Its rules leave the kernel at once.
        </ConfirmDanger>
      )}
      <FormAlert result={result} />
    </div>
  );
}
