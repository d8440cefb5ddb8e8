'use server';

import { requireUser, type User } from '@/lib/auth';
import { addBinding, planBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { hostRefusal, invalidInput, type ActionResult } from '@/components/console/action-result';
import { authRefusal, recordedRefusal } from '@/components/console/action-refusal';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { bindingInputSchema, bindingLabels, bindingSpecOf } from '@/lib/console/input/binding-input';

/** Show what creating this export/import would change on its host; changes nothing. */
export async function previewBinding(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'preview' }, input);
  }
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, bindingLabels);
  try {
    await requireUser('operator', parsed.data.host);
  } catch (e) {
    return authRefusal(e, { action: 'preview', host: parsed.data.host, binding: parsed.data.id });
  }
  const ctx = await operationContext(user);
  const outcome = await planBinding(ctx, parsed.data.host, bindingSpecOf(parsed.data));
  if (!outcome.ok) return hostRefusal(outcome);
  const adds = outcome.report.changes.length;
  return { ok: true, message: `Plan for ${parsed.data.host}: ${adds} change${adds === 1 ? '' : 's'}.`, plan: outcome.report };
}

/** Create the export or import on its host. */
export async function createBinding(input: unknown): Promise<ActionResult> {
  let user: User;
  try {
    user = await requireUser('operator');
  } catch (e) {
    return authRefusal(e, { action: 'create' }, input);
  }
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) return recordedRefusal(user, { action: 'create' }, invalidInput(parsed.error, bindingLabels));
  const spec = bindingSpecOf(parsed.data);
  try {
    await requireUser('operator', parsed.data.host);
  } catch (e) {
    return authRefusal(e, { action: spec.kind, host: parsed.data.host, binding: spec.id });
  }
  const ctx = await operationContext(user);
  const outcome = await addBinding(ctx, parsed.data.host, spec, parsed.data.reason);
  if (!outcome.ok) return hostRefusal(outcome);
  return { ok: true, message: `Created ${spec.kind} ${spec.id} on ${parsed.data.host}.`, hosts: await refreshAfterChange(parsed.data.host), plan: outcome.report };
}
