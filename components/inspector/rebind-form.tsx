'use client';

import { useState, useTransition } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import type { ActionResult } from '@/components/console/action-result';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useApplyResult } from '@/components/console/use-apply-result';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { targetText } from '@/components/graph/binding-label';
import { rebindAction } from './actions';

/** Rebind without dragging: type the new target (WCAG 2.5.7). Sends the revision the operator loaded. */
export function RebindForm({ host, binding }: { host: string; binding: BindingReport }) {
  const [target, setTarget] = useState(targetText(binding));
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, startTransition] = useTransition();
  const applyResult = useApplyResult();
  const offerUndo = useOfferUndo();
  return (
    <form
      aria-label="Rebind"
      className="flex flex-col gap-2 border-t border-slate-200 pt-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await rebindAction({ host, id: binding.id, revision: binding.revision, target });
          setResult(r);
          applyResult(r);
          offerUndo({ kind: 'rebind', host, id: binding.id, from: targetText(binding), to: target.trim() }, r);
        });
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
