'use client';

import { useDeferredValue, useMemo } from 'react';
import { splitForOverview, withEndOnScreen } from './edge-overview';
import type { FlowEdge, GraphNode } from './graph-model';
import { useNodesOnScreen } from './use-nodes-on-screen';
import { useUnchangedElements } from './use-unchanged-elements';
import { useSettled } from './use-viewport-gesture';

/**
 * Which edges React Flow mounts, and which the overview layer draws. A large view draws the lines of
 * most edges as one overview layer: zoomed out (`readable` false), React Flow mounts only the edges
 * drawn alone (selected, in open hosts); zoomed in, the others with an end on screen too, over their
 * lines, to be clicked and labelled. A small view mounts every edge and has no overview. While the
 * operator zooms or pans (`moving`; `readable` is then the zoom the view last settled at), the nodes
 * on screen are not followed: the edges a gesture brings on screen mount once it has ended.
 */
export function useOverviewEdges(edges: FlowEdge[], nodes: readonly GraphNode[], large: boolean, readable: boolean, moving = false): { mounted: FlowEdge[]; overview: FlowEdge[] | null; far: boolean } {
  // Zooming out drops the on-screen edges at once; zooming in, panning or a jump to a selected binding
  // mounts them a step behind, in a render that yields to input: the view (and a selected edge, drawn
  // alone) is painted first, the hundred or more edges now on screen right after.
  const farNow = large && !readable;
  const farSoon = useDeferredValue(farNow);
  const far = farNow || farSoon;
  const split = useMemo(() => (large ? splitForOverview(edges, nodes) : null), [large, edges, nodes]);
  const overview = useUnchangedElements(split?.overview ?? edges);
  const onScreen = useDeferredValue(useSettled(useNodesOnScreen(large && !farNow && !moving), moving));
  const mounted = useMemo(() => (!split ? edges : far ? split.alone : [...split.alone, ...withEndOnScreen(overview, onScreen)]), [split, far, edges, overview, onScreen]);
  return { mounted, overview: split ? overview : null, far };
}
