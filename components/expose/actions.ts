'use server';

import { exposeHost } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, viewerRefusal, type ActionResult } from '@/components/console/action-result';
import { refreshAfterChange } from '@/components/console/refresh-after-change';
import { exposeInputSchema, exposeLabels } from './expose-input';

/** Expose a host on the overlay: the address on its bridge and the NAT `weave expose` adds. */
export async function exposeAction(input: unknown): Promise<ActionResult> {
  const parsed = exposeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, exposeLabels);
  const ctx = await operationContext();
  if (ctx.role !== 'operator') return viewerRefusal();
  const { host, cidr, bridge, name } = parsed.data;
  const outcome = await exposeHost(ctx, host, cidr, bridge || undefined, name || undefined);
  if (!outcome.ok) return hostRefusal(outcome);
  return { ok: true, message: `${host} now exposes ${cidr} on the overlay.`, topology: await refreshAfterChange(ctx.inventory) };
}
