'use client';

import { useMemo } from 'react';
import { splitForOverview, withEndOnScreen } from './edge-overview';
import type { FlowEdge, GraphNode } from './graph-model';
import { useNodesOnScreen } from './use-nodes-on-screen';
import { useUnchangedElements } from './use-unchanged-elements';

/**
 * Which edges React Flow mounts, and which the overview layer draws. A large view draws the lines of
 * most edges as one overview layer: zoomed out (`readable` false), React Flow mounts only the edges
 * drawn alone (selected, in open hosts); zoomed in, the others with an end on screen too, over their
 * lines, to be clicked and labelled. A small view mounts every edge and has no overview.
 */
export function useOverviewEdges(edges: FlowEdge[], nodes: readonly GraphNode[], large: boolean, readable: boolean): { mounted: FlowEdge[]; overview: FlowEdge[] | null; far: boolean } {
  const far = large && !readable;
  const split = useMemo(() => (large ? splitForOverview(edges, nodes) : null), [large, edges, nodes]);
  const overview = useUnchangedElements(split?.overview ?? edges);
  const onScreen = useNodesOnScreen(large && !far);
  const mounted = useMemo(() => (!split ? edges : far ? split.alone : [...split.alone, ...withEndOnScreen(overview, onScreen)]), [split, far, edges, overview, onScreen]);
  return { mounted, overview: split ? overview : null, far };
}
