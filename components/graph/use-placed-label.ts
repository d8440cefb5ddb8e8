'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { labelCandidates } from './label-placement';
import { useLabelsStore } from './label-store';

/**
 * Where an edge's label is drawn: it asks the graph's label placement for a spot along `path` that
 * covers no node header and no other label, and falls back to (x, y) until it has one. Attach the
 * ref to the label, so its real size is what is placed; a label not `shown` asks for nothing.
 */
export function usePlacedLabel(id: string, path: string, x: number, y: number, shown: boolean): [number, number, RefObject<HTMLDivElement | null>] {
  const labels = useLabelsStore();
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Its size in flow units (offset sizes ignore the viewport's zoom), read after every render that may have changed its text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    if (!size || size.width !== width || size.height !== height) setSize({ width, height });
  });
  const candidates = useMemo(() => (size ? labelCandidates(path, { x, y }, size.height) : null), [path, x, y, size]);
  useEffect(() => {
    if (!shown || !candidates || !size) return;
    labels.getState().request({ id, candidates, width: size.width, height: size.height });
  }, [labels, id, shown, candidates, size]);
  useEffect(() => {
    if (!shown) return;
    return () => labels.getState().drop(id);
  }, [labels, id, shown]);
  const placed = useStore(labels, (s) => s.placed[id]);
  return placed && shown ? [placed.x, placed.y, ref] : [x, y, ref];
}
