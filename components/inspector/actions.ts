'use server';

import { rebindBinding, removeBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, viewerRefusal, type ActionResult } from '@/components/console/action-result';
import { refreshAfterChange } from '@/components/console/refresh-after-change';
import { changeLabels, rebindInputSchema, removeInputSchema } from '@/lib/console/input/binding-change-input';

/** Point a binding at a new target; refused with fresh state if it changed since the operator loaded it. */
export async function rebindAction(input: unknown): Promise<ActionResult> {
  const parsed = rebindInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, changeLabels);
  const ctx = await operationContext();
  if (ctx.role !== 'operator') return viewerRefusal();
  const { host, id, target, revision } = parsed.data;
  const outcome = await rebindBinding(ctx, host, id, target, revision);
  if (!outcome.ok) return hostRefusal(outcome, outcome.code === 'stale' ? await refreshAfterChange(ctx.inventory) : undefined);
  return { ok: true, message: `Rebound ${id} on ${host} to ${target}.`, topology: await refreshAfterChange(ctx.inventory), plan: outcome.report };
}

/** Remove a binding; refused with fresh state if it changed since the operator loaded it. */
export async function removeAction(input: unknown): Promise<ActionResult> {
  const parsed = removeInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, changeLabels);
  const ctx = await operationContext();
  if (ctx.role !== 'operator') return viewerRefusal();
  const { host, id, revision } = parsed.data;
  const outcome = await removeBinding(ctx, host, id, revision);
  if (!outcome.ok) return hostRefusal(outcome, outcome.code === 'stale' ? await refreshAfterChange(ctx.inventory) : undefined);
  return { ok: true, message: `Removed ${id} from ${host}.`, topology: await refreshAfterChange(ctx.inventory) };
}
