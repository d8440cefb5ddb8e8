'use client';

import { useEffect, useState } from 'react';
import { useConsole } from '@/components/console/console-provider';
import { mayChange } from '@/components/console/access';
import { buttonClass } from '@/components/console/field';
import { selectAccess, selectGraph } from '@/components/console/console-selectors';
import { bindingEdgeId } from '@/components/graph/node-ids';
import { BindingHistory } from './binding-history';
import { removedBindingsAction } from './history-action';
import type { RemovedBinding } from './removed-bindings';

/** With nothing selected: the bindings recently removed, each opening its history, from which an earlier state can be made again. */
export function RemovedBindingList() {
  const graph = useConsole(selectGraph);
  const access = useConsole(selectAccess);
  const [removed, setRemoved] = useState<RemovedBinding[]>([]);
  const [open, setOpen] = useState<RemovedBinding | null>(null);
  // Read again whenever the set of bindings changes (one was removed or made again).
  const present = graph.edges.map((e) => e.id).join(' ');
  useEffect(() => {
    let current = true;
    void removedBindingsAction().then((r) => {
      if (current && r.ok) setRemoved(r.removed);
    });
    return () => {
      current = false;
    };
  }, [present]);
  const drawn = new Set(graph.edges.map((e) => e.id));
  const gone = removed.filter((r) => !drawn.has(bindingEdgeId(r.host, r.id)));
  const shown = open && gone.some((r) => r.host === open.host && r.id === open.id) ? open : null;

  if (shown) {
    return (
      <section aria-label={`Removed binding ${shown.id}`} className="flex flex-col gap-2 text-slate-900 dark:text-slate-100">
        <h2 className="text-base font-semibold">
          Removed binding <span className="font-mono">{shown.id}</span> on {shown.host}
        </h2>
        <BindingHistory key={`${shown.host}/${shown.id}`} host={shown.host} id={shown.id} binding={null} mayRevert={mayChange(access, shown.host)} />
        <div>
          <button type="button" className={buttonClass.secondary} onClick={() => setOpen(null)}>
            Back
          </button>
        </div>
      </section>
    );
  }
  if (gone.length === 0) return null;
  return (
    <section aria-label="Recently removed" className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Recently removed</h3>
      <ul className="flex flex-col gap-1 text-xs">
        {gone.map((r) => (
          <li key={`${r.host}/${r.id}`}>
            <button type="button" className="font-mono text-violet-700 underline dark:text-violet-300" onClick={() => setOpen(r)}>
              {r.id} on {r.host}
            </button>{' '}
            removed by {r.who}
          </li>
        ))}
      </ul>
    </section>
  );
}
