'use client';

import { useConsole } from '@/components/console/console-provider';
import { useNow } from '@/components/console/use-now';
import { connectionRate } from '@/components/console/traffic-rate';

/** A binding edge's connections per second over the last minute, re-read every few seconds; null until known. */
export function useConnectionRate(edgeId: string): number | null {
  const samples = useConsole((s) => s.traffic[edgeId]);
  const now = useNow(5_000);
  return samples && now !== null ? connectionRate(samples, now) : null;
}
