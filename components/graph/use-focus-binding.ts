'use client';

import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useConsoleStoreApi } from '@/components/console/console-provider';
import { keyText, type BindingKey } from '@/components/console/binding-key';
import { focusOn, nodeRect, unionRect, type Rect } from './edge-focus';
import { nodeId } from './node-ids';

/**
 * A function that centres the graph on a binding: both ends of its edge in view (a foreign rule
 * without an edge: its host). Call it after `selectBinding`, which opens the hosts the ends are in.
 */
export function useFocusBinding(): (key: BindingKey) => void {
  const store = useConsoleStoreApi();
  const flow = useStoreApi();
  const { setCenter } = useReactFlow();
  return useCallback(
    (key: BindingKey) => {
      const s = store.getState();
      const edge = s.graph.edges.find((e) => e.id === keyText(key));
      const ends = edge ? [edge.source, edge.target] : [nodeId.host(key.host)];
      const rect = unionRect(ends.map((id) => nodeRect(s.nodes, id)).filter((r): r is Rect => r !== null));
      const { width, height, minZoom } = flow.getState();
      if (!rect || !width || !height) return;
      const v = focusOn(rect, { width, height }, { minZoom: Math.max(minZoom, 0.1) });
      void setCenter(v.x, v.y, { zoom: v.zoom });
    },
    [store, flow, setCenter],
  );
}
