'use client';

import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { useStore } from '@xyflow/react';

/** Below this zoom edge labels are too small to read and only cost frames; they come back when zoomed in. */
export const labelZoom = 0.4;
/** The graph's class while zoomed out below `labelZoom`: edge labels are hidden by CSS, except those of the selected or lit edges. */
export const labelsHiddenClass = 'labels-hidden';
const readable = (s: { transform: [number, number, number] }) => s.transform[2] >= labelZoom;

const LabelsMounted = createContext(true);
/** Tells the edges inside it whether their labels are in the DOM. */
export const LabelsMountedProvider = LabelsMounted.Provider;

/**
 * For the graph: whether labels are readable at the current zoom (re-renders only when that
 * changes, not on every pan or zoom step), and whether they are in the DOM at all. Zoomed out at
 * first, the graph is drawn without them and they are mounted right after, in a transition that
 * yields to input; from then on a zoom step only switches a class instead of mounting or
 * unmounting every label (a large network's labels mounted in one zoom step took a frame of a second).
 */
export function useLabelZoom(): { readable: boolean; mounted: boolean } {
  const now = useStore(readable);
  const [mounted, setMounted] = useState(now);
  useEffect(() => {
    if (!mounted) startTransition(() => setMounted(true));
  }, [mounted]);
  return { readable: now, mounted: mounted || now };
}

/** For an edge: whether its label is in the DOM (shown or hidden by the graph's zoom class). */
export const useLabelsShown = (): boolean => useContext(LabelsMounted);
