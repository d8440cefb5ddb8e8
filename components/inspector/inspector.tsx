'use client';

import { useConsole } from '@/components/console/console-provider';
import { frontText, targetText } from '@/components/graph/binding-label';
import { BindingHistory } from './binding-history';
import { RemovedBindingList } from './removed-binding-list';
import { RebindForm } from './rebind-form';
import { RemoveBinding } from './remove-binding';
import { BindingRules } from './binding-rules';
import { selectAccess, selectSelectedEdge, selectSelectedForeign } from '@/components/console/console-selectors';
import { DriftRules } from './drift-rules';
import { ForeignRuleInspector } from './foreign-rule';
import { BindingTraffic } from './traffic';
import { mayChange } from '@/components/console/access';

/** The selected binding in full: where it listens, where it sends, what the kernel holds for it. */
export function Inspector() {
  const edge = useConsole(selectSelectedEdge);
  const access = useConsole(selectAccess);
  const foreign = useConsole(selectSelectedForeign);
  if (foreign?.data) return <ForeignRuleInspector key={foreign.id} edge={foreign.data} mayAdopt={mayChange(access, foreign.data.host)} />;
  if (!edge?.data) {
    return (
      <section aria-label="Inspector" className="flex flex-col gap-4 p-4 text-sm text-slate-500">
        <p>Select a binding in the graph to inspect it.</p>
        <RemovedBindingList />
      </section>
    );
  }
  const { host, binding: b } = edge.data;
  const rows: [string, string][] = [
    ['Host', host],
    ['Kind', b.kind],
    ['Front', `${frontText(b)} (${b.proto})`],
    ['Target', b.target.name === b.target.address ? targetText(b) : `${targetText(b)} (resolved to ${b.target.address}:${b.target.port})`],
    ['Masquerade', b.masquerade ? 'yes (replies return through this host)' : 'no (client address kept)'],
    ['Kernel state', b.state],
    ['Revision', String(b.revision)],
  ];
  return (
    <section aria-label={`Inspector: binding ${b.id}`} className="flex flex-col gap-4 p-4">
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">
        Binding <span className="font-mono">{b.id}</span>
      </h2>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className={`text-slate-900 dark:text-slate-100 ${k === 'Kernel state' ? `font-medium ${b.state === 'active' ? 'text-emerald-700' : 'text-rose-700'}` : ''}`}>{v}</dd>
          </div>
        ))}
      </dl>
      <DriftRules key={`drift-${edge.id}`} host={host} binding={b} mayRepair={mayChange(access, host) && !edge.data.unreachable} />
      <BindingTraffic host={host} edgeId={edge.id} binding={b} />
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Rules on {host}</h3>
        <BindingRules host={host} binding={b} />
      </div>
      <BindingHistory key={`history-${edge.id}`} host={host} id={b.id} binding={b} mayRevert={mayChange(access, host)} />
      {mayChange(access, host) ? (
        <>
          <RebindForm key={edge.id} host={host} binding={b} />
          <RemoveBinding key={`remove-${edge.id}`} host={host} binding={b} />
        </>
      ) : (
        <p className="text-sm text-slate-500">{access.role === 'viewer' ? 'You are a viewer: changes are for operators.' : `You may not change ${host}: it is drawn read-only for you.`}</p>
      )}
    </section>
  );
}
