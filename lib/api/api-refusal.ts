import { AuthError, currentAddress, requireUser, type Role, type User } from '@/lib/auth';
import { recordRefusal } from '@/lib/audit';
import { apiError, failureResponse, type ApiFailure } from './api-error';

/** What a refused API request was about, for its audit line. */
export interface RefusedRequest {
  action: string;
  host?: string | null;
  binding?: string | null;
}

/**
 * requireUser for an API route: the user, or the error response for a refusal. Refusals of a
 * caller with credentials (wrong role or host, foreign Origin) are recorded, as the forms' are;
 * those of an anonymous one are not (anyone can send them, and they change nothing). Anything
 * that is not an AuthError is a bug and is rethrown.
 */
export async function apiUser(minRole: Role, about: RefusedRequest): Promise<User | Response> {
  try {
    return await requireUser(minRole, about.host ?? undefined);
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    if (e.code !== 'unauthenticated') await recordApiRefusal(null, about, `${e.code}: ${e.message}`);
    return apiError(e.code, e.message);
  }
}

/** Record a signed-in caller's refused request (bad input) and answer with the failure. */
export async function refused(user: User, about: RefusedRequest, failure: ApiFailure): Promise<Response> {
  await recordApiRefusal(user, about, failure.message);
  return failureResponse(failure);
}

async function recordApiRefusal(user: User | null, about: RefusedRequest, message: string): Promise<void> {
  try {
    recordRefusal({ username: user?.username ?? null, address: await currentAddress(), host: about.host?.slice(0, 64) ?? null, action: `api ${about.action}`, binding: about.binding?.slice(0, 64) ?? null }, message);
  } catch (e) {
    console.error('switchyard: could not record a refusal:', e);
  }
}
