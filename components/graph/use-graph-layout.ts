'use client';

import { useCallback, useEffect } from 'react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { savePositionsAction } from './actions';
import { layoutNetwork } from './layout-network';
import { placeNewNodes, positionsOf, samePositions } from './placements';
import type { GraphNode } from './graph-model';

const someUnplaced = (s: { nodes: GraphNode[] }) => s.nodes.some((n) => n.hidden);
const keep = (nodes: readonly GraphNode[]) => void savePositionsAction(positionsOf(nodes)).catch(() => undefined);

/**
 * Give every node a place, once. The page opens placed where it can be at once (the user's kept
 * positions, or the grid for a network past ELK's reach; see `initialData`); a small network seen
 * for the first time is laid out here, by ELK in a worker (or the grid past its deadline); nodes that
 * appear later are placed without moving the others. Whatever gets placed is kept for the user.
 */
export function useGraphLayout(): { keep: (nodes: readonly GraphNode[]) => void } {
  const store = useConsoleStoreApi();
  const waiting = useConsole(someUnplaced);

  // What the page placed as it opened and the user had not kept (a first visit, new nodes) is kept now.
  useEffect(() => {
    const { nodes, kept } = store.getState();
    if (!nodes.some((n) => n.hidden) && !samePositions(positionsOf(nodes), kept)) keep(nodes);
  }, [store]);

  useEffect(() => {
    if (!waiting) return;
    let cancelled = false;
    void (async () => {
      const s = store.getState();
      if (!s.nodes.some((n) => !n.hidden)) {
        const { placements } = await layoutNetwork(s.nodes, new Set(s.expanded));
        if (cancelled) return;
        store.getState().placeNodes(placements);
      }
      const after = store.getState();
      const rest = placeNewNodes(after.nodes);
      if (Object.keys(rest).length) after.placeNodes(rest);
      keep(store.getState().nodes);
    })();
    return () => {
      cancelled = true;
    };
  }, [waiting, store]);

  return { keep: useCallback(keep, []) };
}
