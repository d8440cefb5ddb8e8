'use server';

import { requireUser, type User } from '@/lib/auth';
import { exposeHost } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { exposeInputSchema, exposeLabels } from './expose-input';

/** Expose a host on the overlay: the address on its bridge and the NAT `weave expose` adds. */
export async function exposeAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'expose' }, input);
  }
  const parsed = exposeInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'expose' }, invalidInput(parsed.error, exposeLabels));
  const { host, cidr, bridge, name } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'expose', host });
  }
  const ctx = await operationContext(user);
  const outcome = await exposeHost(ctx, host, cidr, bridge || undefined, name || undefined);
  if (!outcome.ok) return hostRefusal(outcome);
  return { ok: true, message: `${host} now exposes ${cidr} on the overlay.`, hosts: await refreshAfterChange(host) };
}
