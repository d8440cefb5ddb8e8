import type { z } from 'zod';
import type { EngineFailureCode, EngineOutcome } from '@/lib/console/engine-outcome';

/** What an API error says went wrong; the console's own refusals and the host's, in one vocabulary. */
export type ApiErrorCode = 'bad-input' | 'unauthenticated' | 'forbidden' | 'bad-origin' | 'password-change-required' | 'not-found' | EngineFailureCode;

/** What went wrong. `field` names the request field at fault, as the API spells it. */
export interface ApiFailure {
  code: ApiErrorCode;
  field?: string;
  message: string;
}

/** The body of every API error. */
export interface ApiErrorBody {
  error: ApiFailure;
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

/** The response for a failure. */
export function failureResponse({ code, field, message }: ApiFailure): Response {
  const body: ApiErrorBody = { error: { code, ...(field ? { field } : {}), message } };
  return Response.json(body, { status: apiStatus(code) });
}

/** An API error response. */
export const apiError = (code: ApiErrorCode, message: string, field?: string): Response => failureResponse({ code, message, field });

/** A failed `safeParse`: bad input naming the first field at fault and every problem in plain words. */
export function invalidRequest(error: z.ZodError, labels: Record<string, string>): ApiFailure {
  const field = error.issues[0]?.path[0];
  const message = error.issues.map((i) => `${labels[String(i.path[0])] ?? String(i.path[0] ?? 'Body')}: ${i.message}`).join('; ');
  return { code: 'bad-input', message: `Nothing changed. ${message}.`, ...(field === undefined ? {} : { field: String(field) }) };
}

// The engine names fields by its CLI flags; the API by the forms' field names.
const apiFields: Record<string, string> = { to: 'target', in: 'iface', on: 'address' };

/** A host operation's failure as an API failure. */
export function operationFailure(outcome: Extract<EngineOutcome<unknown>, { ok: false }>): ApiFailure {
  return { code: outcome.code, message: outcome.message, ...(outcome.field ? { field: apiFields[outcome.field] ?? outcome.field } : {}) };
}
