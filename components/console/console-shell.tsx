'use client';

import type { ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { BindingForm } from '@/components/bindings/binding-form';
import { ExposeForm } from '@/components/expose/expose-form';
import { HideAddress } from '@/components/expose/hide-address';
import { RouteForm } from '@/components/routes/route-form';
import { NetworkGraph } from '@/components/graph/network-graph';
import { Inspector } from '@/components/inspector/inspector';
import { BindingsTable } from '@/components/bindings-table/bindings-table';
import { useConsole, useConsoleStoreApi } from './console-provider';
import { buttonClass } from './field';
import { UndoBar } from './undo-bar';
import type { Panel } from './console-reducers';
import { mayChangeAnything } from './access';
import { useHostEvents } from './use-host-events';
import { DriftedLink } from './drifted-link';
import { selectAnnouncement, selectBindingCount, selectHosts, selectPanel, selectAccess } from '@/components/console/console-selectors';

/** The console page: toolbar, graph, and a side panel with the open form and the inspector. */
export function ConsoleShell({ account }: { account: ReactNode }) {
  const store = useConsoleStoreApi();
  const panel = useConsole(selectPanel);
  const access = useConsole(selectAccess);
  const announcement = useConsole(selectAnnouncement);
  const hosts = useConsole(selectHosts);
  const bindingCount = useConsole(selectBindingCount);

  // Counters, kernel state and reachability arrive pushed from the server; positions never move because of them.
  useHostEvents();

  const open = (p: Panel) => () => store.getState().openPanel(store.getState().panel === p ? null : p);
  const unreachable = hosts.filter((h) => !h.reachable && !h.connecting).length;
  const connecting = hosts.filter((h) => !h.reachable && h.connecting).length;

  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-800">
        <h1 className="text-lg font-semibold tracking-tight">Switchyard</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {hosts.length} hosts{unreachable ? `, ${unreachable} unreachable` : ''}
          {connecting ? `, ${connecting} connecting` : ''} · {bindingCount} bindings
        </p>
        <DriftedLink />
        <nav aria-label="Changes" className="ml-auto flex gap-2">
          {mayChangeAnything(access) && (
            <>
              <button type="button" className={buttonClass.primary} aria-expanded={panel === 'export'} onClick={open('export')}>
                New export
              </button>
              <button type="button" className={buttonClass.primary} aria-expanded={panel === 'import'} onClick={open('import')}>
                New import
              </button>
              <button type="button" className={buttonClass.primary} aria-expanded={panel === 'route'} onClick={open('route')}>
                New route
              </button>
              <button type="button" className={buttonClass.secondary} aria-expanded={panel === 'expose'} onClick={open('expose')}>
                Expose host
              </button>
            </>
          )}
          <span className="self-center rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{access.role}{access.hosts ? ` of ${access.hosts.join(', ')}` : ''}</span>
        </nav>
        {account}
      </header>
      {/* One React Flow provider for the graph and the table beside it, so selecting a row can centre the graph. */}
      <ReactFlowProvider>
      <main className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <section aria-label="Network graph" className="min-h-0 flex-1">
            <NetworkGraph />
          </section>
          <div className="h-[30vh] max-h-80 min-h-44 shrink-0 border-t border-slate-200 dark:border-slate-800">
            <BindingsTable />
          </div>
        </div>
        <aside aria-label="Details" className="w-[380px] shrink-0 overflow-y-auto border-l border-slate-200 bg-slate-50/50 dark:border-slate-800 dark:bg-slate-900/50">
          {panel === 'export' && <BindingForm key="export" kind="export" />}
          {panel === 'import' && <BindingForm key="import" kind="import" />}
          {panel === 'route' && <RouteForm />}
          {panel === 'expose' && <ExposeForm />}
          {panel === 'expose' && <HideAddress />}
          {panel && <hr className="border-slate-200 dark:border-slate-800" />}
          <Inspector />
        </aside>
      </main>
      </ReactFlowProvider>
      <footer className="border-t border-slate-200 px-5 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <p role="status" aria-live="polite">
          {announcement || 'Ready.'}
        </p>
      </footer>
      <UndoBar />
    </div>
  );
}
