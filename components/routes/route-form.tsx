'use client';

import { useId, useState } from 'react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { Field, inputClass } from '@/components/console/field';
import { FormAlert } from '@/components/console/form-alert';
import { PlanSteps } from '@/components/console/plan-steps';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { usePlannedChange } from '@/components/console/use-planned-change';
import { importIdOf } from '@/lib/console/route-change';
import { selectAccess, selectTopology } from '@/components/console/console-selectors';
import { mayChange } from '@/components/console/access';
import { bindingEdgeId } from '@/components/graph/node-ids';
import { PlanPreview } from '@/components/bindings/plan-preview';
import { createRouteAction, previewRouteAction } from './actions';
import { importHosts, routeServices, suggestedFront } from './route-suggestions';

type Values = { entryHost: string; iface: string; port: string; proto: string; service: string; throughHost: string; address: string; throughPort: string; id: string; masquerade: boolean };

const empty: Values = { entryHost: '', iface: '', port: '', proto: 'tcp', service: '', throughHost: '', address: '', throughPort: '', id: '', masquerade: true };

/**
 * New route: outside clients of the entry host reach a service on another network, through an import
 * on a host that reaches it. Both hosts' plans are shown first; "Create route" makes both bindings.
 */
export function RouteForm() {
  const topology = useConsole(selectTopology);
  const access = useConsole(selectAccess);
  const store = useConsoleStoreApi();
  const offerUndo = useOfferUndo();
  const uid = useId();
  const [values, setValues] = useState<Values>(empty);

  const may = (h: string) => mayChange(access, h);
  const entryHosts = topology.hosts.filter((h) => h.reachable && may(h.name));
  const entry = entryHosts.find((h) => h.name === values.entryHost);
  const services = routeServices(topology);
  const service = services.find((s) => s.target === values.service);
  const throughHosts = importHosts(topology.hosts, values.entryHost, service, may);
  const through = throughHosts.find((h) => h.name === values.throughHost);

  const input = { ...values };
  const { result, errors, planReady, busy, onSubmit } = usePlannedChange(input, previewRouteAction, createRouteAction, (r) => {
    const id = values.id.trim();
    // Its undo removes both halves: the export, then the import.
    offerUndo({ kind: 'create-route', created: [{ host: values.throughHost, id: importIdOf(id) }, { host: values.entryHost, id }] }, r);
    if (r.ok) {
      store.getState().selectEdge(bindingEdgeId(values.entryHost, id));
      store.getState().openPanel(null);
    }
  });

  // Choosing the service or the import host suggests the import's front (the operator may change it).
  const withSuggestion = (v: Values): Values => {
    const svc = services.find((s) => s.target === v.service);
    const candidates = importHosts(topology.hosts, v.entryHost, svc, may);
    const host = candidates.find((h) => h.name === v.throughHost) ?? (candidates.length === 1 ? candidates[0] : undefined);
    const front = host && svc ? suggestedFront(host, svc.port) : null;
    return { ...v, throughHost: host?.name ?? v.throughHost, ...(front ? { address: front.address, throughPort: String(front.port) } : {}), ...(svc ? { proto: svc.proto } : {}) };
  };
  const set = (k: keyof Values, suggest = false) => (e: { target: { value: string } }) =>
    setValues((v) => {
      const next = { ...v, [k]: e.target.value };
      return suggest ? withSuggestion(next) : next;
    });

  return (
    <form
      aria-label="New route"
      noValidate
      className="flex flex-col gap-3 p-4"
      onSubmit={onSubmit}
    >
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">New route</h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Clients of the entry host reach a service on a network it cannot see: the service is imported onto the overlay through a host that reaches it, and the entry host exports that import.
      </p>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Where clients enter</legend>
        <Field label="Entry host" id={`${uid}-entry`} error={errors['Entry host']}>
          {(p) => (
            <select {...p} className={inputClass} value={values.entryHost} onChange={set('entryHost', true)}>
              <option value="">Choose a host…</option>
              {entryHosts.map((h) => (
                <option key={h.name} value={h.name}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Interface" id={`${uid}-iface`} error={errors.Interface}>
            {(p) => (
              <>
                <input {...p} className={inputClass} list={`${uid}-ifaces`} value={values.iface} onChange={set('iface')} placeholder="eth0 (empty: all)" autoComplete="off" />
                <datalist id={`${uid}-ifaces`}>
                  {(entry?.reachable ? entry.status.facts.interfaces : []).filter((i) => i.name !== 'lo').map((i) => (
                    <option key={i.name} value={i.name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Port" id={`${uid}-port`} error={errors.Port}>
            {(p) => <input {...p} className={inputClass} inputMode="numeric" value={values.port} onChange={set('port')} placeholder="4433" />}
          </Field>
        </div>
      </fieldset>
      <Field label="Service" id={`${uid}-service`} error={errors.Service}>
        {(p) => (
          <select {...p} className={inputClass} value={values.service} onChange={set('service', true)}>
            <option value="">Choose a service…</option>
            {services.map((s) => (
              <option key={s.target} value={s.target}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Imported onto the overlay through</legend>
        <Field label="Import through" id={`${uid}-through`} error={errors['Import through']}>
          {(p) => (
            <select {...p} className={inputClass} value={values.throughHost} onChange={set('throughHost', true)}>
              <option value="">Choose a host…</option>
              {throughHosts.map((h) => (
                <option key={h.name} value={h.name}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Exposed address" id={`${uid}-address`} error={errors['Exposed address']}>
            {(p) => (
              <>
                <input {...p} className={inputClass} list={`${uid}-addresses`} value={values.address} onChange={set('address')} placeholder="10.2.1.3" autoComplete="off" />
                <datalist id={`${uid}-addresses`}>
                  {(through?.status.exposed ?? []).map((x) => (
                    <option key={x.cidr} value={x.cidr.split('/')[0]} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Exposed port" id={`${uid}-through-port`} error={errors['Exposed port']}>
            {(p) => <input {...p} className={inputClass} inputMode="numeric" value={values.throughPort} onChange={set('throughPort')} placeholder="3322" />}
          </Field>
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Id" id={`${uid}-id`} error={errors.Id}>
          {(p) => <input {...p} className={inputClass} value={values.id} onChange={set('id')} placeholder="h3-route" autoComplete="off" />}
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
      <p className="text-xs text-slate-500">The export is named by the id, the import by the id and “-in”.</p>
      <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <input type="checkbox" checked={values.masquerade} onChange={(e) => setValues((v) => ({ ...v, masquerade: e.target.checked }))} />
        Masquerade (replies come back the way they came)
      </label>
      <FormAlert result={result} />
      {planReady && result?.ok && result.plans?.map((p) => <PlanPreview key={p.host} host={p.host} plan={p.plan} />)}
      <PlanSteps verb="Create route" busy={busy} planReady={planReady} hint="Preview both hosts’ plans first; Create route applies them, the import first." onCancel={() => store.getState().openPanel(null)} />
    </form>
  );
}
