import type { z } from 'zod';
import type { EngineFailureCode, EngineOutcome } from '@/lib/console/engine-outcome';

/** What an API error says went wrong; the console's own refusals and the host's, in one vocabulary. */
export type ApiErrorCode = 'bad-input' | 'unauthenticated' | 'forbidden' | 'bad-origin' | 'password-change-required' | 'not-found' | EngineFailureCode;

/** The body of every API error. `field` names the request field at fault, as the API spells it. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; field?: string; message: string };
}

const statuses: Partial<Record<ApiErrorCode, number>> = {
  'bad-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'bad-origin': 403,
  'password-change-required': 403,
  'not-found': 404,
  conflict: 409,
  stale: 409,
  busy: 409,
  'kernel-refused': 502,
  unreachable: 502,
  'host-failure': 502,
};

/** The HTTP status for an error code: 4xx for what the caller can fix, 502 when a host failed, 503 when the console cannot record. */
export const apiStatus = (code: ApiErrorCode): number => statuses[code] ?? 503;

/** An API error response. */
export function apiError(code: ApiErrorCode, message: string, field?: string): Response {
  const body: ApiErrorBody = { error: { code, ...(field ? { field } : {}), message } };
  return Response.json(body, { status: apiStatus(code) });
}

/** A failed `safeParse` as a 400 naming the first field at fault and every problem in plain words. */
export function invalidRequest(error: z.ZodError, labels: Record<string, string>): Response {
  const field = error.issues[0]?.path[0];
  const message = error.issues.map((i) => `${labels[String(i.path[0])] ?? String(i.path[0] ?? 'Body')}: ${i.message}`).join('; ');
  return apiError('bad-input', `Nothing changed. ${message}.`, field === undefined ? undefined : String(field));
}

// The engine names fields by its CLI flags; the API by the forms' field names.
const apiFields: Record<string, string> = { to: 'target', in: 'iface', on: 'address' };

/** A host operation's failure as an API error. */
export function operationFailure(outcome: Extract<EngineOutcome<unknown>, { ok: false }>): Response {
  return apiError(outcome.code, outcome.message, outcome.field ? (apiFields[outcome.field] ?? outcome.field) : undefined);
}
