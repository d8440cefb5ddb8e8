import { z } from 'zod';
import { hostField, idField } from './field-schemas';

/** Repairing a drifted binding: which one. */
export const repairInputSchema = z.object({ host: hostField, id: idField });

/** A foreign rule's ref, as a host's status lists it (`f-` and hex digits). */
export const foreignRefField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a foreign rule’s ref as the host lists it' });

/** Adopting a foreign rule: which rule on which host, and the id the operator chose for the binding. */
export const adoptInputSchema = z.object({ host: hostField, ref: foreignRefField, id: idField });

export const truthLabels: Record<string, string> = { host: 'Host', id: 'Id', ref: 'Foreign rule' };
