'use client';

import { useSyncExternalStore } from 'react';

interface Clock {
  now: number | null;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
}

// One timer per period for the whole page, however many components read it (a timer per edge
// re-rendered every drawn binding at once, every few seconds, labels hidden or not).
const clocks = new Map<number, Clock>();

function clockOf(everyMs: number): Clock {
  let c = clocks.get(everyMs);
  if (!c) clocks.set(everyMs, (c = { now: null, listeners: new Set() }));
  return c;
}

function subscribeTo(everyMs: number) {
  return (listener: () => void) => {
    const c = clockOf(everyMs);
    c.listeners.add(listener);
    if (!c.timer) {
      c.now = Date.now();
      c.timer = setInterval(() => {
        c.now = Date.now();
        for (const l of c.listeners) l();
      }, everyMs);
    }
    return () => {
      c.listeners.delete(listener);
      if (!c.listeners.size) {
        clearInterval(c.timer);
        c.timer = undefined;
        c.now = null;
      }
    };
  };
}

const subscriptions = new Map<number, (listener: () => void) => () => void>();

/**
 * `read(now)` with the time ticking every `everyMs` (null during the server render and hydration,
 * as `useNow`); the component re-renders only when what `read` returns changes, not on every tick.
 */
export function useClockValue<T>(everyMs: number, read: (now: number | null) => T): T {
  let subscribe = subscriptions.get(everyMs);
  if (!subscribe) subscriptions.set(everyMs, (subscribe = subscribeTo(everyMs)));
  return useSyncExternalStore(subscribe, () => read(clockOf(everyMs).now), () => read(null));
}
