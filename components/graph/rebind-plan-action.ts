'use server';

import { requireUser, type User } from '@/lib/auth';
import { planRebind } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal } from '@/components/console/action-refusal';
import { changeLabels, rebindPlanInputSchema } from '@/lib/console/input/binding-change-input';

/** What a dropped edge end would change on its host, shown before the operator applies it; changes nothing. */
export async function previewRebindAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'preview' }, input);
  }
  const parsed = rebindPlanInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, changeLabels);
  const { host, id, target } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'preview', host, binding: id });
  }
  const outcome = await planRebind(await operationContext(user), host, id, target);
  if (!outcome.ok) return hostRefusal(outcome);
  return { ok: true, message: `Plan for ${host}: rebind ${id} to ${target}.`, plan: outcome.report };
}
