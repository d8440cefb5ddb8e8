'use client';

import { useConsole } from '@/components/console/console-provider';
import { useClockValue } from '@/components/console/use-clock-value';
import { connectionRate } from '@/components/console/traffic-rate';

/** A binding edge's connections per second over the last minute, re-read every few seconds (re-rendering only when it changes); null until known. */
export function useConnectionRate(edgeId: string): number | null {
  const samples = useConsole((s) => s.traffic[edgeId]);
  return useClockValue(5_000, (now) => (samples && now !== null ? connectionRate(samples, now) : null));
}
