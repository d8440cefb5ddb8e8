'use client';

import { useEffect, useMemo } from 'react';
import { useNodes, useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { placeLabels } from './label-placement';
import { labelObstacles, type DrawnNode } from './label-obstacles';
import { useLabelsStore } from './label-store';

/** Inside the graph: places the drawn edge labels again whenever a label, its edge or a node moves. Draws nothing. */
export function LabelPlacer() {
  const labels = useLabelsStore();
  const requests = useStore(labels, (s) => s.requests);
  const nodes = useNodes();
  const { getInternalNode } = useReactFlow();
  const obstacles = useMemo(() => {
    const drawn: DrawnNode[] = [];
    for (const n of nodes) {
      const internal = getInternalNode(n.id);
      const width = n.measured?.width ?? n.width;
      const height = n.measured?.height ?? n.height;
      if (n.hidden || !internal || !width || !height) continue;
      const { x, y } = internal.internals.positionAbsolute;
      drawn.push({ type: n.type, collapsed: (n.data as { collapsed?: boolean }).collapsed, x, y, width, height });
    }
    return labelObstacles(drawn);
  }, [nodes, getInternalNode]);
  useEffect(() => {
    // In id order, so the same graph always gets the same places.
    const ordered = Object.values(requests).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    labels.getState().setPlaced(placeLabels(ordered, obstacles));
  }, [labels, requests, obstacles]);
  return null;
}
