'use client';

import { useState } from 'react';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import { bindingEdgeId } from '@/components/graph/node-ids';
import type { ForeignEdgeData } from '@/components/graph/graph-model';
import { adoptAction } from './foreign-actions';

/**
 * A DNAT rule Switchyard does not own, inspected like a binding: where it sits, what it says, what
 * it would become; "Adopt" with an id the operator chooses, or why it is not Switchyard's to take.
 */
export function ForeignRuleInspector({ edge, mayAdopt }: { edge: ForeignEdgeData; mayAdopt: boolean }) {
  const { host, rule, target } = edge;
  const [id, setId] = useState(rule.adoptAs?.id ?? '');
  const { result, busy, run } = useChangeAction();
  const store = useConsoleStoreApi();
  const a = rule.adoptAs;
  const rows: [string, string][] = [
    ['Host', host],
    ['Table', rule.table],
    ['Chain', rule.chain],
    ['Sends to', target],
    ['Would become', a ? `${a.kind} ${a.proto} ${a.kind === 'import' ? `${a.on}:${a.port}` : `${a.in ?? '*'}:${a.port}`} → ${a.to}${a.masquerade ? '' : ', client address kept'}` : 'nothing: not adoptable'],
  ];
  return (
    <section aria-label={`Inspector: foreign rule ${rule.ref}`} className="flex flex-col gap-4 p-4">
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">
        Foreign rule <span className="font-mono">{rule.ref}</span>
      </h2>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="text-slate-900 dark:text-slate-100">{v}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Rule</h3>
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-[11px] leading-relaxed text-slate-100">{rule.rule}</pre>
      </div>
      {!a ? (
        <p role="note" className="rounded border border-slate-300 bg-slate-100 p-2 text-sm text-slate-700">
          Not adoptable: {rule.reason ?? 'no binding expresses this rule'}.
        </p>
      ) : mayAdopt ? (
        <form
          aria-label="Adopt"
          className="flex flex-col gap-2 border-t border-slate-200 pt-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run(
              () => adoptAction({ host, ref: rule.ref, id }),
              (r) => {
                if (r.ok) store.getState().selectEdge(bindingEdgeId(host, id.trim()));
              },
            );
          }}
        >
          <h3 className="text-sm font-semibold text-slate-900">Adopt</h3>
          <p className="text-xs text-slate-600">In one transaction the rule is removed and the binding’s rules are added, so no connection finds neither.</p>
          <Field label="Binding id" id="adopt-id" error={result && !result.ok ? result.errors.Id : undefined}>
            {(p) => <input {...p} className={inputClass} value={id} onChange={(e) => setId(e.target.value)} placeholder="web" />}
          </Field>
          <FormAlert result={result} />
          <div>
            <button type="submit" className={buttonClass.primary} disabled={busy}>
              {busy ? 'Adopting…' : 'Adopt'}
            </button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-slate-500">Adopting it is for operators of {host}.</p>
      )}
    </section>
  );
}
