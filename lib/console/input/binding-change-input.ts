import { z } from 'zod';
import { changeReasonField, hostField, idField, revisionField, targetField } from './field-schemas';

/** The inspector's rebind form (and a drag-rebind): which binding, the revision loaded, the new target. */
export const rebindInputSchema = z.object({ host: hostField, id: idField, revision: revisionField, target: targetField, reason: changeReasonField });

/** Removing a binding: which one, and the revision loaded. */
export const removeInputSchema = z.object({ host: hostField, id: idField, revision: revisionField, reason: changeReasonField });

/** Planning a rebind before it is applied (a drop waiting for confirmation). */
export const rebindPlanInputSchema = z.object({ host: hostField, id: idField, target: targetField });

export const changeLabels: Record<string, string> = { host: 'Host', id: 'Id', revision: 'Revision', target: 'Target' };
