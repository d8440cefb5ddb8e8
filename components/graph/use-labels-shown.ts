'use client';

import { createContext, startTransition, useContext, useDeferredValue, useEffect, useState } from 'react';
import { useStore } from '@xyflow/react';
import { useSettled } from './use-viewport-gesture';

/** Below this zoom edge labels (13 px) are too small to read and only cost frames; they come back when zoomed in. */
export const labelZoom = 0.4;
/**
 * The same for a large view, where crossing it mounts the edges on screen and their labels (about 900
 * and 600 at 0.4): labels 9 px and up. Between the two zooms a large view shows the overview's lines.
 */
export const largeLabelZoom = 0.7;
/** The graph's class while zoomed out below `labelZoom`: edge labels are hidden by CSS, except those of the selected or lit edges. */
export const labelsHiddenClass = 'labels-hidden';
type Zoomed = { transform: [number, number, number] };
const readable = (s: Zoomed) => s.transform[2] >= labelZoom;
const readableLarge = (s: Zoomed) => s.transform[2] >= largeLabelZoom;

const LabelsMounted = createContext(true);
/** Tells the edges inside it whether their labels are in the DOM. */
export const LabelsMountedProvider = LabelsMounted.Provider;

/**
 * For the graph: whether labels are readable at the current zoom (re-renders only when that
 * changes, not on every pan or zoom step), and whether they are in the DOM at all. Zoomed out at
 * first, a small graph is drawn without them and they are mounted right after, in a transition that
 * yields to input; from then on a zoom step only switches a class. A `large` graph (drawing only the
 * edges on screen) mounts them only while readable: its ~1,000 hidden labels, each observed and
 * placed, cost seconds of its first render, and zoomed in only the edges on screen have one. Its
 * labels follow the zoom a step behind, in a render that yields to input: zooming in to a selected
 * binding draws the edges and centres first, and the other labels (hundreds) come right after. While
 * the operator zooms or pans it (`moving`), a large view keeps what it showed when the view last
 * settled: crossing the readable zoom mid-gesture mounts nothing, and what it brings on screen comes
 * once the gesture has ended.
 */
export function useLabelZoom(large: boolean, moving = false): { readable: boolean; mounted: boolean } {
  const now = useSettled(useStore(large ? readableLarge : readable), large && moving);
  const soon = useDeferredValue(now);
  const [mounted, setMounted] = useState(now);
  useEffect(() => {
    if (!mounted && !large) startTransition(() => setMounted(true));
  }, [mounted, large]);
  // Zooming in mounts them a step behind; zooming out takes them away at once, before edges coming into view mount theirs.
  return { readable: now, mounted: large ? now && soon : mounted || now };
}

/** For an edge: whether its label is in the DOM (shown or hidden by the graph's zoom class). */
export const useLabelsShown = (): boolean => useContext(LabelsMounted);
