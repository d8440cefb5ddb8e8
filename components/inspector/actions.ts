'use server';

import { requireUser, type User } from '@/lib/auth';
import { rebindBinding, removeBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { changeLabels, rebindInputSchema, removeInputSchema } from '@/lib/console/input/binding-change-input';

/** Point a binding at a new target; refused with fresh state if it changed since the operator loaded it. */
export async function rebindAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'rebind' }, input);
  }
  const parsed = rebindInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'rebind' }, invalidInput(parsed.error, changeLabels));
  const { host, id, target, revision, reason } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'rebind', host, binding: id });
  }
  const ctx = await operationContext(user);
  const outcome = await rebindBinding(ctx, host, id, target, revision, reason);
  if (!outcome.ok) return hostRefusal(outcome, outcome.code === 'stale' ? await refreshAfterChange(host) : undefined);
  return { ok: true, message: `Rebound ${id} on ${host} to ${target}.`, hosts: await refreshAfterChange(host), plan: outcome.report };
}

/** Remove a binding; refused with fresh state if it changed since the operator loaded it. */
export async function removeAction(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'remove' }, input);
  }
  const parsed = removeInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'remove' }, invalidInput(parsed.error, changeLabels));
  const { host, id, revision, reason } = parsed.data;
  try {
    await requireUser('operator', host);
  } catch (e) {
    return authRefusal(e, { action: 'remove', host, binding: id });
  }
  const ctx = await operationContext(user);
  const outcome = await removeBinding(ctx, host, id, revision, reason);
  if (!outcome.ok) return hostRefusal(outcome, outcome.code === 'stale' ? await refreshAfterChange(host) : undefined);
  return { ok: true, message: `Removed ${id} from ${host}.`, hosts: await refreshAfterChange(host) };
}
