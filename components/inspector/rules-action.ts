'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { reportedRules } from '@/lib/console/hub-views';
import { hostField, idField } from '@/lib/console/input/field-schemas';

const rulesInputSchema = z.object({ host: hostField, id: idField });

/**
 * The exact rules a binding holds on its host, as the host last reported them (from the hub; no
 * host is asked). Pages get bindings without their rules, which are most of a status's size.
 */
export async function bindingRulesAction(input: unknown): Promise<{ ok: true; rules: string[] } | { ok: false; message: string }> {
  try {
    await requireUser('viewer');
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const parsed = rulesInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'No such binding.' };
  const rules = await reportedRules(parsed.data.host, parsed.data.id);
  return rules ? { ok: true, rules } : { ok: false, message: `${parsed.data.host} reports no binding "${parsed.data.id}".` };
}
