/**
 * How long after a gesture's end the view counts as settled (a wheel gesture already ends 150 ms after
 * its last step). At 120 ms, the steps of one wheel gesture on a busy machine came far enough apart
 * that the view settled in the middle of it, and the hundreds of edges it mounted took 300–900 ms frames.
 */
export const settleMs = 250;

/** The timer a gesture tracker waits with (the browser's, or a test's). */
export interface GestureTimer {
  set(settle: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimer: GestureTimer = { set: (f, ms) => setTimeout(f, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** Whether the operator is moving the view, told by the graph's move start and end. */
export interface GestureTracker {
  /** A move began; `byOperator` is false for one made by the console (fit view, centring on a binding, the zoom buttons). */
  start(byOperator: boolean): void;
  /** A move ended: the view settles `settleMs` later, unless another gesture starts first. */
  end(): void;
  /** Forget a pending settle (the graph is gone). */
  dispose(): void;
}

/**
 * Follows the operator's zoom and pan gestures (wheel, drag, pinch) and calls `changed` when the view
 * starts moving and when it has settled. Moves the console makes itself do not count: what they bring
 * into view is drawn at once. Steps of one gesture that React Flow reports as several (a slow wheel)
 * are one move, as long as the next starts within `settleMs` of the last one's end.
 */
export function gestureTracker(changed: (moving: boolean) => void, timer: GestureTimer = browserTimer): GestureTracker {
  let moving = false;
  let settling: unknown;
  const cancel = () => {
    if (settling === undefined) return;
    timer.clear(settling);
    settling = undefined;
  };
  return {
    start(byOperator) {
      if (!byOperator) return;
      cancel();
      if (moving) return;
      moving = true;
      changed(true);
    },
    end() {
      if (!moving) return;
      cancel();
      settling = timer.set(() => {
        settling = undefined;
        moving = false;
        changed(false);
      }, settleMs);
    },
    dispose: cancel,
  };
}
