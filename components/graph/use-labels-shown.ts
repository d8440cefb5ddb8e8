'use client';

import { useStore } from '@xyflow/react';

/** Below this zoom edge labels are too small to read and only cost frames; they come back when zoomed in. */
export const labelZoom = 0.4;
const shown = (s: { transform: [number, number, number] }) => s.transform[2] >= labelZoom;

/** Whether edge labels are drawn at the current zoom (re-renders only when that changes, not on every pan). */
export const useLabelsShown = (): boolean => useStore(shown);
