'use client';

import { useEffect } from 'react';
import { useNodes, useReactFlow, type Node, type InternalNode } from '@xyflow/react';
import { useStore } from 'zustand';
import { placeLabels } from './label-placement';
import { labelObstacles, type DrawnNode } from './label-obstacles';
import { labelsToPlace } from './labels-to-place';
import { useLabelsStore } from './label-store';

function drawnNodes(nodes: readonly Node[], internal: (id: string) => InternalNode | undefined): DrawnNode[] {
  const drawn: DrawnNode[] = [];
  for (const n of nodes) {
    const at = internal(n.id);
    const width = n.measured?.width ?? n.width;
    const height = n.measured?.height ?? n.height;
    if (n.hidden || !at || !width || !height) continue;
    const { x, y } = at.internals.positionAbsolute;
    drawn.push({ type: n.type, collapsed: (n.data as { collapsed?: boolean }).collapsed, x, y, width, height });
  }
  return drawn;
}

/**
 * Inside the graph: places the shown edge labels again when a label, its edge or a node moves, once
 * per frame at most (never per zoom step: zoom only matters when labels become readable or not).
 * Zoomed out, only kept labels are placed; with none, nothing is. Draws nothing.
 */
export function LabelPlacer({ readable }: { readable: boolean }) {
  const labels = useLabelsStore();
  const asks = useStore(labels, (s) => s.requests);
  const nodes = useNodes();
  const { getInternalNode } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const wanted = labelsToPlace(Object.values(asks), readable);
      if (wanted.length === 0) return;
      labels.getState().setPlaced(placeLabels(wanted, labelObstacles(drawnNodes(nodes, getInternalNode))));
    });
    return () => cancelAnimationFrame(frame);
  }, [labels, asks, nodes, getInternalNode, readable]);
  return null;
}
