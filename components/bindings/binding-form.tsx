'use client';

import { useId, useState } from 'react';
import type { BindingKind } from '@/lib/console/topology';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { Field, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { PlanSteps } from '@/components/console/plan-steps';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { usePlannedChange } from '@/components/console/use-planned-change';
import { bindingEdgeId } from '@/components/graph/node-ids';
import { createBinding, previewBinding } from './actions';
import { PlanPreview } from './plan-preview';
import { targetSuggestions } from './target-suggestions';
import { selectAccess, selectTopology } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';

type Values = { host: string; front: string; port: string; proto: string; target: string; id: string; masquerade: boolean };

/**
 * New export (outside interface → overlay) or New import (exposed address → outside). The plan is
 * shown first; "Create export"/"Create import" applies exactly what was planned.
 */
export function BindingForm({ kind }: { kind: BindingKind }) {
  const topology = useConsole(selectTopology);
  const store = useConsoleStoreApi();
  const offerUndo = useOfferUndo();
  const uid = useId();
  const access = useConsole(selectAccess);
  const hosts = topology.hosts.filter((h) => h.reachable && mayChange(access, h.name));
  const [values, setValues] = useState<Values>({ host: '', front: '', port: '', proto: 'tcp', target: '', id: '', masquerade: true });

  const frontLabel = kind === 'export' ? 'Interface' : 'Exposed address';
  const input = {
    kind,
    host: values.host,
    ...(kind === 'export' ? { iface: values.front } : { address: values.front }),
    port: values.port,
    proto: values.proto,
    target: values.target,
    id: values.id,
    masquerade: values.masquerade,
  };
  const { result, errors, planReady, busy, onSubmit } = usePlannedChange(input, previewBinding, createBinding, (r) => {
    offerUndo({ kind: 'create', host: values.host, id: values.id.trim() }, r);
    if (r.ok) {
      store.getState().selectEdge(bindingEdgeId(values.host, values.id.trim()));
      store.getState().openPanel(null);
    }
  });
  const host = hosts.find((h) => h.name === values.host);
  const frontOptions = !host?.reachable
    ? []
    : kind === 'export'
      ? host.status.facts.interfaces.filter((i) => i.name !== 'lo').map((i) => i.name)
      : host.status.exposed.map((e) => e.cidr.split('/')[0]);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const title = kind === 'export' ? 'New export' : 'New import';
  const verb = kind === 'export' ? 'Create export' : 'Create import';

  return (
    <form
      aria-label={title}
      noValidate
      className="flex flex-col gap-3 p-4"
      onSubmit={onSubmit}
    >
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="text-xs text-slate-600">
        {kind === 'export'
          ? 'Make a service on the overlay reachable from outside, through one host’s interface. Point it at another host’s import to build a route.'
          : 'Give the overlay a front (an exposed address and port) for a service outside it.'}
      </p>
      <Field label="Host" id={`${uid}-host`} error={errors.Host}>
        {(p) => (
          <select {...p} className={inputClass} value={values.host} onChange={set('host')}>
            <option value="">Choose a host…</option>
            {hosts.map((h) => (
              <option key={h.name} value={h.name}>
                {h.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={frontLabel} id={`${uid}-front`} error={errors[frontLabel]}>
        {(p) => (
          <>
            <input {...p} className={inputClass} list={`${uid}-front-options`} value={values.front} onChange={set('front')} placeholder={kind === 'export' ? 'eth0 (empty: every interface)' : '10.2.1.3'} autoComplete="off" />
            <datalist id={`${uid}-front-options`}>
              {frontOptions.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Port" id={`${uid}-port`} error={errors.Port}>
          {(p) => <input {...p} className={inputClass} inputMode="numeric" value={values.port} onChange={set('port')} placeholder={kind === 'export' ? '2211' : '3322'} />}
        </Field>
        <Field label="Protocol" id={`${uid}-proto`} error={errors.Protocol}>
          {(p) => (
            <select {...p} className={inputClass} value={values.proto} onChange={set('proto')}>
              <option value="tcp">tcp</option>
              <option value="udp">udp</option>
            </select>
          )}
        </Field>
      </div>
      <Field label="Target" id={`${uid}-target`} error={errors.Target}>
        {(p) => (
          <>
            <input {...p} className={inputClass} list={`${uid}-target-options`} value={values.target} onChange={set('target')} placeholder={kind === 'export' ? 'a1:4422' : '192.168.1.3:2211'} autoComplete="off" />
            <datalist id={`${uid}-target-options`}>
              {targetSuggestions(topology, values.host).map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Id" id={`${uid}-id`} error={errors.Id}>
        {(p) => <input {...p} className={inputClass} value={values.id} onChange={set('id')} placeholder={kind === 'export' ? 'web' : 'host3-nc'} autoComplete="off" />}
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={values.masquerade} onChange={(e) => setValues((v) => ({ ...v, masquerade: e.target.checked }))} />
        Masquerade (replies come back through this host)
      </label>
      <FormAlert result={result} />
      {planReady && result?.ok && result.plan && <PlanPreview host={values.host} plan={result.plan} />}
      <PlanSteps verb={verb} busy={busy} planReady={planReady} hint={`Preview the plan first; ${verb} applies it.`} onCancel={() => store.getState().openPanel(null)} />
    </form>
  );
}
