'use client';

import { useEffect, useState } from 'react';
import type { OnMoveEnd, OnMoveStart } from '@xyflow/react';
import { gestureTracker } from './viewport-gesture';

/**
 * Whether the operator is zooming or panning the graph right now (see `gestureTracker`), with the
 * handlers that tell it, for React Flow's `onMoveStart` and `onMoveEnd`. Re-renders only when a
 * gesture starts and when the view has settled, never per step.
 */
export function useViewportGesture(): { moving: boolean; onMoveStart: OnMoveStart; onMoveEnd: OnMoveEnd } {
  const [moving, setMoving] = useState(false);
  const [handlers] = useState(() => {
    const tracker = gestureTracker(setMoving);
    // A move the console makes (fit view, setCenter, the zoom buttons) comes without an input event.
    const onMoveStart: OnMoveStart = (event) => tracker.start(!!event);
    const onMoveEnd: OnMoveEnd = () => tracker.end();
    return { tracker, onMoveStart, onMoveEnd };
  });
  useEffect(() => () => handlers.tracker.dispose(), [handlers]);
  return { moving, onMoveStart: handlers.onMoveStart, onMoveEnd: handlers.onMoveEnd };
}

/**
 * `value` as it was when the view last settled: while `moving`, what changes with every zoom or pan
 * step (the zoom's readable or not, the nodes on screen) stays as it was, and catches up once settled.
 */
export function useSettled<T>(value: T, moving: boolean): T {
  const [settled, setSettled] = useState(value);
  if (!moving && settled !== value) setSettled(value);
  return moving ? settled : value;
}
