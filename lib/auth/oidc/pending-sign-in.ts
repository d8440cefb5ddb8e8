/**
 * What the console must remember between sending a browser to the provider and its return:
 * the PKCE verifier, state and nonce, and the redirect URI used. Kept in a short-lived HttpOnly
 * cookie, so an answer is only accepted in the browser that asked for it.
 */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  /** Epoch milliseconds the attempt began. */
  startedAt: number;
}

/** How long a browser may spend at the provider. */
export const pendingSignInMaxAgeSeconds = 600;

export const pendingSignInCookie = 'switchyard_sso';

/** The cookie value for a pending sign-in. */
export const encodePendingSignIn = (p: PendingSignIn): string => Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');

/** The pending sign-in a cookie holds, or null when it is absent, malformed or too old. */
export function decodePendingSignIn(value: string | undefined, now: number = Date.now()): PendingSignIn | null {
  if (!value) return null;
  let p: Partial<PendingSignIn>;
  try {
    p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const strings = [p.codeVerifier, p.state, p.nonce, p.redirectUri].every((v) => typeof v === 'string' && v.length > 0);
  if (!strings || typeof p.startedAt !== 'number') return null;
  if (now - p.startedAt > pendingSignInMaxAgeSeconds * 1000 || p.startedAt > now + 60_000) return null;
  return p as PendingSignIn;
}
