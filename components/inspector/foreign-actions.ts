'use server';

import { requireUser, type User } from '@/lib/auth';
import { adoptForeignRule } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { adoptInputSchema, truthLabels } from '@/lib/console/input/truth-input';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';

/**
 * Turn a foreign DNAT rule into a binding with the id the operator chose (operator of that host;
 * audited): the host removes the rule and adds the binding's rules in one transaction.
 */
export async function adoptAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'adopt' }, input);
  }
  const parsed = adoptInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'adopt' }, invalidInput(parsed.error, truthLabels));
  const { host, ref, id } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'adopt', host, binding: id });
  }
  const outcome = await adoptForeignRule(await operationContext(user), host, ref, id);
  if (!outcome.ok) return hostRefusal(outcome, await refreshAfterChange(host));
  return { ok: true, message: `Adopted ${ref} on ${host} as binding ${id}.`, hosts: await refreshAfterChange(host), plan: outcome.report };
}
