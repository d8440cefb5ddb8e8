'use client';

import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useLabelsStore } from './label-store';

/**
 * Where an edge's label is drawn: it asks the graph's label placement for a spot along `path` that
 * covers no node header and no other label, and falls back to (x, y) until it has one. Attach the
 * returned ref to the label, so its drawn size is what is placed; a label not `shown` (not in the DOM)
 * asks for nothing. A `kept` label (selected or lit) is placed even when zoomed out.
 */
export function usePlacedLabel(id: string, path: string, x: number, y: number, shown: boolean, kept: boolean): [number, number, (el: HTMLDivElement | null) => void] {
  const labels = useLabelsStore();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (shown) labels.getState().ask({ id, path, x, y, kept });
  }, [labels, id, path, x, y, kept, shown]);
  useEffect(() => {
    if (!shown) return;
    return () => labels.getState().drop(id);
  }, [labels, id, shown]);
  // Its drawn size in flow units (the viewport's zoom is a transform, which sizes ignore); 0 while hidden by zoom.
  useEffect(() => (shown && el ? labels.getState().observe(id, el) : undefined), [labels, id, shown, el]);
  const placed = useStore(labels, (s) => s.placed[id]);
  return placed && shown ? [placed.x, placed.y, setEl] : [x, y, setEl];
}
