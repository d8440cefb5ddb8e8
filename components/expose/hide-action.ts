'use server';

import { z } from 'zod';
import { requireUser, type User } from '@/lib/auth';
import { hideAddress } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';
import { refreshAfterChange, reportedBindings } from '@/lib/console/hub-views';
import { hostField } from '@/lib/console/input/field-schemas';
import { cidrField } from './expose-input';

const hideInputSchema = z.object({ host: hostField, cidr: cidrField });

/** Take an exposed address away from a host; refused while a binding (here or on another host) uses it. */
export async function hideAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'hide' }, input);
  }
  const parsed = hideInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'hide' }, invalidInput(parsed.error, { host: 'Host', cidr: 'Address' }));
  const { host, cidr } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'hide', host });
  }
  const outcome = await hideAddress(await operationContext(user), host, cidr, await reportedBindings());
  if (!outcome.ok) return hostRefusal(outcome);
  return { ok: true, message: `${host} no longer exposes ${cidr}.`, hosts: await refreshAfterChange(host) };
}
