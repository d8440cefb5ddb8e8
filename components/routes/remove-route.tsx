'use client';

import type { ActionResult } from '@/components/console/action-result';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { buttonClass } from '@/components/console/field';
import { useChangeAction } from '@/components/console/use-change-action';
import { useOfferUndo } from '@/components/console/use-offer-undo';
import { selectGraph } from '@/components/console/console-selectors';
import { bindingEdgeId } from '@/components/graph/node-ids';
import { removeRouteAction } from './actions';
import { routeRemovalOf } from './route-partners';

/**
 * In a removal's confirmation: when the binding is half of a route, name the other half and offer
 * "Remove both". Renders nothing for a binding that is not part of a route.
 */
export function RemoveRoute({ host, id, onResult }: { host: string; id: string; onResult: (r: ActionResult | null) => void }) {
  const graph = useConsole(selectGraph);
  const store = useConsoleStoreApi();
  const { busy, run } = useChangeAction<Awaited<ReturnType<typeof removeRouteAction>>>();
  const offerUndo = useOfferUndo();
  const members = routeRemovalOf(graph.edges, bindingEdgeId(host, id));
  if (!members) return null;
  const others = members.filter((m) => !(m.host === host && m.id === id));
  // What each member was, so the undo can make it again.
  const removed = members.map((m) => ({ host: m.host, binding: graph.edges.find((e) => e.id === bindingEdgeId(m.host, m.id))!.data!.binding }));
  return (
    <div className="flex flex-col gap-2 border-t border-rose-200 pt-2">
      <p className="text-sm text-rose-900 [overflow-wrap:anywhere] dark:text-rose-100">
        It is part of a route with {others.map((m) => `${m.id} on ${m.host}`).join(', ')}.
      </p>
      <div>
        <button
          type="button"
          className={buttonClass.danger}
          disabled={busy}
          onClick={() =>
            run(() => removeRouteAction({ members }), (r) => {
              const went = removed.filter((m) => r.removed?.some((x) => x.host === m.host && x.id === m.binding.id));
              if (!r.ok && went.length) {
                // Half done: the inspected binding may be one that went (and its alert with it), so the
                // status line says which half is gone and which remains.
                onResult(null);
                store.getState().announce(r.message);
              } else onResult(r);
              offerUndo({ kind: 'remove-route', removed: went }, r);
            })
          }
        >
          {members.length === 2 ? 'Remove both' : `Remove all ${members.length}`}
        </button>
      </div>
    </div>
  );
}
