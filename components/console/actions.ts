'use server';

import { loadInventory } from '@/lib/console/load-inventory';
import { loadTopology } from '@/lib/console/load-topology';
import type { Topology } from '@/lib/console/topology';

/** Read every host again (live counters and kernel state); viewers may do this too. */
export async function refreshTopology(): Promise<Topology> {
  return loadTopology(await loadInventory(), 5_000);
}
