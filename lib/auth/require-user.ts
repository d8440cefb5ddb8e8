import { cookies, headers } from 'next/headers';
import { store } from '@/lib/store';
import { AuthError } from './auth-error';
import { authorize, type AuthorizeOptions } from './authorize';
import { consoleAddress, isConsoleHost, isConsoleOrigin } from './console-address';
import { methodHeader, peerHeader, requestAddress, type RequestMeta } from './request-meta';
import type { Role } from './roles';
import { servedOverHttps, sessionCookieName } from './session-cookie';
import { sessionCookieMaxAgeSeconds } from './session-policy';
import { endSession, sessionUser, startSession, type SessionMeta } from './sessions';
import { userForToken } from './tokens';
import type { User } from './user';

async function requestMeta(): Promise<RequestMeta> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  // Server actions always mutate; a route handler's method comes from the proxy (missing: assume it mutates).
  const method = h.get(methodHeader)?.toUpperCase();
  const mutation = h.has('next-action') || !(method === 'GET' || method === 'HEAD');
  return {
    host: h.get('host'),
    origin: h.get('origin'),
    mutation,
    authorization: h.get('authorization'),
    sessionToken: c.get(sessionCookieName)?.value ?? null,
  };
}

const lookup = { sessionUser: (t: string) => sessionUser(t), tokenUser: (t: string) => userForToken(t) };

/**
 * The one data-access check: call it first in every server action and route handler. Accepts the
 * session cookie or `Authorization: Bearer <token>`; throws AuthError (unauthenticated, forbidden,
 * bad-origin, password-change-required). With `host`, the user must be allowed to change that host.
 */
export async function requireUser(minRole: Role, host?: string, opts: AuthorizeOptions = {}): Promise<User> {
  return authorize(await requestMeta(), minRole, host, consoleAddress(), lookup, opts);
}

/**
 * For the few actions that need no session (signing in): the request must still be sent to the
 * console's own name from its own pages, so another site cannot sign a browser in as someone else.
 */
export async function requireConsoleRequest(): Promise<void> {
  const h = await headers();
  const at = consoleAddress();
  if (!isConsoleHost(h.get('host'), at)) throw new AuthError('bad-origin', `Refused: this console does not answer to the name "${h.get('host') ?? ''}".`);
  if (!isConsoleOrigin(h.get('origin'), h.get('host'), at)) throw new AuthError('bad-origin', "Refused: signing in works only from this console's own sign-in page.");
}

/** The signed-in user for a page (cookie only), or null; never throws for a missing session. */
export async function currentUser(): Promise<User | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  if (!isConsoleHost(h.get('host'), consoleAddress())) return null;
  const token = c.get(sessionCookieName)?.value;
  return token ? sessionUser(token) : null;
}

/** Where the current request comes from, for the audit trail and sign-in throttling. */
export async function currentAddress(): Promise<string> {
  const h = await headers();
  return requestAddress(h.get(peerHeader), h.get('x-forwarded-for'));
}

/** Start a session for a user and set its cookie (in a server action or route handler). */
export async function createSession(userId: number, meta: SessionMeta): Promise<void> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const token = startSession(userId, meta, store());
  c.set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: servedOverHttps(h.get('x-forwarded-proto')),
    path: '/',
    maxAge: sessionCookieMaxAgeSeconds(),
  });
}

/** End the current session (sign out): the row is deleted and the cookie cleared. */
export async function endCurrentSession(): Promise<void> {
  const c = await cookies();
  const token = c.get(sessionCookieName)?.value;
  if (token) endSession(token);
  c.delete(sessionCookieName);
}

export { AuthError };
