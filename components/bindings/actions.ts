'use server';

import { addBinding, planBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { loadTopology } from '@/lib/console/load-topology';
import { hostRefusal, invalidInput, viewerRefusal, type ActionResult } from '@/components/console/action-result';
import { refreshAfterChange } from '@/components/console/refresh-after-change';
import { bindingInputSchema, bindingLabels, bindingSpecOf } from '@/lib/console/input/binding-input';

/** Show what creating this export/import would change on its host; changes nothing. */
export async function previewBinding(input: unknown): Promise<ActionResult> {
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, bindingLabels);
  const ctx = await operationContext();
  if (ctx.role !== 'operator') return viewerRefusal();
  const outcome = await planBinding(ctx, parsed.data.host, bindingSpecOf(parsed.data));
  if (!outcome.ok) return hostRefusal(outcome);
  const topology = await loadTopology(ctx.inventory);
  const adds = outcome.report.changes.length;
  return { ok: true, message: `Plan for ${parsed.data.host}: ${adds} change${adds === 1 ? '' : 's'}.`, topology, plan: outcome.report };
}

/** Create the export or import on its host. */
export async function createBinding(input: unknown): Promise<ActionResult> {
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, bindingLabels);
  const ctx = await operationContext();
  if (ctx.role !== 'operator') return viewerRefusal();
  const spec = bindingSpecOf(parsed.data);
  const outcome = await addBinding(ctx, parsed.data.host, spec);
  if (!outcome.ok) return hostRefusal(outcome);
  const topology = await refreshAfterChange(ctx.inventory);
  return { ok: true, message: `Created ${spec.kind} ${spec.id} on ${parsed.data.host}.`, topology, plan: outcome.report };
}
