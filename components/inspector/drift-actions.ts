'use server';

import { requireUser, type User } from '@/lib/auth';
import { repairBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { repairInputSchema, truthLabels } from '@/lib/console/input/truth-input';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';

/** Re-apply one drifted binding's rules on its host (operator of that host; audited). */
export async function repairAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'repair' }, input);
  }
  const parsed = repairInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'repair' }, invalidInput(parsed.error, truthLabels));
  const { host, id } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'repair', host, binding: id });
  }
  const outcome = await repairBinding(await operationContext(user), host, id);
  if (!outcome.ok) return hostRefusal(outcome, await refreshAfterChange(host));
  return { ok: true, message: `Repaired ${id} on ${host}: its rules are back as the state says.`, hosts: await refreshAfterChange(host), plan: outcome.report };
}
