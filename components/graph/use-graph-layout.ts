'use client';

import { useCallback, useEffect, useRef } from 'react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { loadPositionsAction, savePositionsAction } from './actions';
import { layoutNetwork } from './layout-network';
import { keptPlacements, placeNewNodes, positionsOf } from './placements';
import type { GraphNode } from './graph-model';

const someUnplaced = (s: { nodes: GraphNode[] }) => s.nodes.some((n) => n.hidden);

/**
 * Give every node a place, once: the user's kept positions first; a network seen for the first time
 * is laid out whole (ELK in a worker, or the grid past its deadline); nodes that appear later are
 * placed without moving the others. Whatever gets placed is kept for the user.
 */
export function useGraphLayout(): { keep: (nodes: readonly GraphNode[]) => void } {
  const store = useConsoleStoreApi();
  const waiting = useConsole(someUnplaced);
  const kept = useRef<Promise<Record<string, { x: number; y: number }>> | null>(null);

  useEffect(() => {
    if (!waiting) return;
    let cancelled = false;
    // A user whose positions cannot be read (signed out meanwhile) still gets a picture.
    kept.current ??= loadPositionsAction().catch(() => ({}));
    void (async () => {
      const saved = await kept.current!;
      if (cancelled) return;
      const s = store.getState();
      if (!s.nodes.some((n) => !n.hidden)) {
        const fromKept = keptPlacements(s.nodes, saved);
        if (Object.keys(fromKept).length) s.placeNodes(fromKept);
        else {
          const { placements } = await layoutNetwork(s.nodes, new Set(s.expanded));
          if (cancelled) return;
          store.getState().placeNodes(placements);
        }
      }
      const after = store.getState();
      const rest = placeNewNodes(after.nodes);
      if (Object.keys(rest).length) after.placeNodes(rest);
      void savePositionsAction(positionsOf(store.getState().nodes)).catch(() => undefined);
    })();
    return () => {
      cancelled = true;
    };
  }, [waiting, store]);

  const keep = useCallback((nodes: readonly GraphNode[]) => void savePositionsAction(positionsOf(nodes)).catch(() => undefined), []);
  return { keep };
}
