import { AuthError } from './auth-error';
import { isConsoleHost, isConsoleOrigin, type ConsoleAddress } from './console-address';
import type { RequestMeta } from './request-meta';
import { roleAtLeast, type Role } from './roles';
import { mayChangeHost, type User } from './user';

/** How a request's credentials turn into a user. */
export interface CredentialLookup {
  sessionUser(token: string): User | null;
  tokenUser(token: string): User | null;
}

export interface AuthorizeOptions {
  /** The password-change form itself must work while a change is pending. */
  allowPasswordChange?: boolean;
}

/**
 * The one data-access rule, as a pure function of the request: the Host must be the console's; a
 * bearer token or a session cookie names the user; a cookie-carried mutation must come from the
 * console's own Origin; the user must have `minRole`, and when `host` is given (a change there),
 * be allowed to change that host. Throws AuthError otherwise.
 */
export function authorize(req: RequestMeta, minRole: Role, host: string | undefined, at: ConsoleAddress, lookup: CredentialLookup, opts: AuthorizeOptions = {}): User {
  if (!isConsoleHost(req.host, at)) {
    throw new AuthError('bad-origin', `Refused: this console does not answer to the name "${req.host ?? ''}" (set SWITCHYARD_URL to its public address).`);
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.authorization ?? '')?.[1];
  let user: User | null;
  if (bearer) {
    user = lookup.tokenUser(bearer);
    if (!user) throw new AuthError('unauthenticated', 'Refused: that API token is not valid (unknown or revoked).');
  } else {
    // A browser attaches the cookie to cross-site requests too; only the Origin tells them apart.
    if ((req.mutation || req.origin) && !isConsoleOrigin(req.origin, req.host, at)) {
      throw new AuthError('bad-origin', req.origin ? `Refused: a change may only come from this console's own pages, not from ${req.origin}.` : "Refused: a change must say where it comes from (no Origin header).");
    }
    user = req.sessionToken ? lookup.sessionUser(req.sessionToken) : null;
    if (!user) throw new AuthError('unauthenticated', 'Sign in first: your session has ended or you are not signed in.');
  }
  if (user.mustChangePassword && !opts.allowPasswordChange) {
    throw new AuthError('password-change-required', 'Choose a new password first.', user.username);
  }
  if (!roleAtLeast(user.role, minRole)) {
    throw new AuthError('forbidden', `You are signed in as ${user.username} (${user.role}): this needs the ${minRole} role.`, user.username);
  }
  if (host !== undefined && minRole !== 'viewer' && !mayChangeHost(user, host)) {
    throw new AuthError('forbidden', `You are signed in as ${user.username}, who may change only ${user.hosts?.join(', ')}: not ${host}.`, user.username);
  }
  return user;
}
