import { z } from 'zod';
import { hostField, idField, revisionField, targetField } from './field-schemas';

/** The inspector's rebind form (and a drag-rebind): which binding, the revision loaded, the new target. */
export const rebindInputSchema = z.object({ host: hostField, id: idField, revision: revisionField, target: targetField });

/** Removing a binding: which one, and the revision loaded. */
export const removeInputSchema = z.object({ host: hostField, id: idField, revision: revisionField });

export const changeLabels: Record<string, string> = { host: 'Host', id: 'Id', revision: 'Revision', target: 'Target' };
