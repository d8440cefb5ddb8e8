'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { listAudit } from '@/lib/audit';
import { hostField, idField } from '@/lib/console/input/field-schemas';
import { bindingHistory, type HistoryEntry } from './history-entries';
import { removedBindings, type RemovedBinding } from './removed-bindings';

const historyInputSchema = z.object({ host: hostField, id: idField });

/** How many changes of one binding the inspector shows. */
const historyLength = 50;

/** A binding's applied changes from the audit trail, newest first; every role may read the trail, as on /audit. */
export async function bindingHistoryAction(input: unknown): Promise<{ ok: true; entries: HistoryEntry[] } | { ok: false; message: string }> {
  try {
    await requireUser('viewer');
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const parsed = historyInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'No such binding.' };
  const rows = listAudit({ host: parsed.data.host, binding: parsed.data.id, limit: historyLength * 4 });
  return { ok: true, entries: bindingHistory(rows).slice(0, historyLength) };
}

/** How many removed bindings the inspector offers, and how far back the trail is read for them. */
const removedLength = 10;
const removedLookback = 1000;

/** The bindings the audit trail last saw removed, newest first, so their history can be shown; every role may read the trail. */
export async function removedBindingsAction(): Promise<{ ok: true; removed: RemovedBinding[] } | { ok: false; message: string }> {
  try {
    await requireUser('viewer');
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, removed: removedBindings(listAudit({ limit: removedLookback })).slice(0, removedLength) };
}
