import type { ApiFailure } from './api-error';

/** A request's JSON object body, or why it is not one. */
export async function readJsonBody(request: Request): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; failure: ApiFailure }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, failure: { code: 'bad-input', message: 'Nothing changed. The request body must be a JSON object (Content-Type: application/json).' } };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, failure: { code: 'bad-input', message: 'Nothing changed. The request body must be a JSON object.' } };
  return { ok: true, body: body as Record<string, unknown> };
}
