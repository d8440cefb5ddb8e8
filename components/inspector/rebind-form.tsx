'use client';

import { useState } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { targetText } from '@/components/graph/binding-label';
import { rebindAction } from './actions';

/** Rebind without dragging: type the new target (WCAG 2.5.7). Sends the revision the operator loaded. */
export function RebindForm({ host, binding }: { host: string; binding: BindingReport }) {
  const [target, setTarget] = useState(targetText(binding));
  const { result, busy, run } = useChangeAction();
  const offerUndo = useOfferUndo();
  return (
    <form
      aria-label="Rebind"
      className="flex flex-col gap-2 border-t border-slate-200 pt-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => rebindAction({ host, id: binding.id, revision: binding.revision, target }),
          (r) => offerUndo({ kind: 'rebind', host, id: binding.id, from: targetText(binding), to: target.trim() }, r),
        );
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">Rebind</h3>
      <Field label="Target" id="rebind-target" error={result && !result.ok ? result.errors.Target : undefined}>
        {(p) => <input {...p} className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)} placeholder="a1:4422" />}
      </Field>
      <FormAlert result={result} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {busy ? 'Rebinding…' : 'Rebind'}
        </button>
      </div>
    </form>
  );
}
