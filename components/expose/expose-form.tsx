'use client';

import { useId, useMemo, useState } from 'react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { useChangeAction } from '@/components/console/use-change-action';
import { exposeAction } from './actions';
import { selectAccess, selectHosts } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';

/** Expose a host on the overlay (the seed's `weave expose`): an address on its bridge, and the NAT for it. */
export function ExposeForm() {
  const allHosts = useConsole(selectHosts);
  const access = useConsole(selectAccess);
  const hosts = useMemo(() => allHosts.filter((h) => h.reachable && mayChange(access, h.name)).map((h) => h.name), [allHosts, access]);
  const store = useConsoleStoreApi();
  const uid = useId();
  const [values, setValues] = useState({ host: '', cidr: '', bridge: 'weave', name: '' });
  const { result, busy, run } = useChangeAction();
  const errors = result && !result.ok ? result.errors : {};
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <form
      aria-label="Expose host"
      noValidate
      className="flex flex-col gap-3 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => exposeAction(values),
          (r) => {
            if (r.ok) store.getState().openPanel(null);
          },
        );
      }}
    >
      <h2 className="text-base font-semibold text-slate-900">Expose a host on the overlay</h2>
      <Field label="Host" id={`${uid}-host`} error={errors.Host}>
        {(p) => (
          <select {...p} className={inputClass} value={values.host} onChange={set('host')}>
            <option value="">Choose a host…</option>
            {hosts.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Address" id={`${uid}-cidr`} error={errors.Address}>
        {(p) => <input {...p} className={inputClass} value={values.cidr} onChange={set('cidr')} placeholder="10.2.1.3/16" />}
      </Field>
      <Field label="Bridge" id={`${uid}-bridge`} error={errors.Bridge}>
        {(p) => <input {...p} className={inputClass} value={values.bridge} onChange={set('bridge')} />}
      </Field>
      <Field label="Name" id={`${uid}-name`} error={errors.Name}>
        {(p) => <input {...p} className={inputClass} value={values.name} onChange={set('name')} placeholder="host1.weave.local (optional)" />}
      </Field>
      <FormAlert result={result} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          Expose
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => store.getState().openPanel(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
