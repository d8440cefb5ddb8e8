'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `everyMs`; null during the server render and hydration, so
 * relative times ("2 min ago") never differ between the server's HTML and the browser's.
 */
export function useNow(everyMs = 15_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
