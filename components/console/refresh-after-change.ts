import { revalidatePath } from 'next/cache';
import { loadTopology } from '@/lib/console/load-topology';
import type { Inventory } from '@/lib/console/inventory';
import type { Topology } from '@/lib/console/topology';

/** After a change: drop the cached page and read every host again, so the operator sees the truth. */
export async function refreshAfterChange(inventory: Inventory): Promise<Topology> {
  revalidatePath('/');
  return loadTopology(inventory);
}
