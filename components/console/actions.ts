'use server';

import { requireUser } from '@/lib/auth';
import { loadInventory } from '@/lib/console/load-inventory';
import { loadTopology } from '@/lib/console/load-topology';
import type { Topology } from '@/lib/console/topology';
import { authRefusal } from './action-refusal';
import type { ActionResult } from './action-result';

/** Read every host again (live counters and kernel state); viewers may do this too. */
export async function refreshTopology(): Promise<{ ok: true; topology: Topology } | Extract<ActionResult, { ok: false }>> {
  try {
    await requireUser('viewer');
  } catch (e) {
    return (await authRefusal(e, { action: 'refresh' })) as Extract<ActionResult, { ok: false }>;
  }
  return { ok: true, topology: await loadTopology(await loadInventory(), 5_000) };
}
