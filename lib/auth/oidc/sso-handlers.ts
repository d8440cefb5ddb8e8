import { cookies, headers } from 'next/headers';
import { createSession, currentAddress } from '../require-user';
import { upsertSsoUser, UserError } from '../users';
import { beginSignIn, completeSignIn } from './oidc-client';
import { oidcSettingsFromEnv, type OidcSettings } from './oidc-settings';
import { decodePendingSignIn, encodePendingSignIn, pendingSignInCookie, pendingSignInMaxAgeSeconds } from './pending-sign-in';
import { ssoCallbackPath, ssoCallbackUrl } from './sso-callback-url';
import { SsoError } from './sso-error';
import type { SsoFailure } from './sso-failure';
import { ssoIdentity } from './sso-identity';

// Relative redirects keep the browser on whatever name it used to reach the console.
const redirectTo = (location: string): Response => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
const toLogin = (failure: SsoFailure): Response => redirectTo(`/login?sso=${failure}`);

const cookiePath = '/login/sso';

function settings(): OidcSettings | SsoFailure {
  try {
    return oidcSettingsFromEnv() ?? 'not-configured';
  } catch (e) {
    console.error(`switchyard: single sign-on is misconfigured: ${e instanceof Error ? e.message : String(e)}`);
    return 'misconfigured';
  }
}

function failed(e: unknown): Response {
  if (!(e instanceof SsoError)) throw e;
  console.error(`switchyard: single sign-on failed (${e.code}): ${e.message}`, e.cause ?? '');
  return toLogin(e.code);
}

/** GET /login/sso: send the browser to the provider, remembering PKCE verifier, state and nonce in a short-lived cookie. */
export async function startSso(request: Request): Promise<Response> {
  const s = settings();
  if (typeof s === 'string') return toLogin(s);
  const redirectUri = ssoCallbackUrl(process.env.SWITCHYARD_URL, new URL(request.url).origin);
  try {
    const { authorizationUrl, pending } = await beginSignIn(s, redirectUri);
    (await cookies()).set(pendingSignInCookie, encodePendingSignIn(pending), {
      httpOnly: true,
      // Lax: the cookie must come back with the provider's top-level redirect to the callback.
      sameSite: 'lax',
      secure: redirectUri.startsWith('https:'),
      path: cookiePath,
      maxAge: pendingSignInMaxAgeSeconds,
    });
    return redirectTo(authorizationUrl.href);
  } catch (e) {
    return failed(e);
  }
}

/** GET /login/sso/callback: check the provider's answer against this browser's pending sign-in, then start a session as that user. */
export async function finishSso(request: Request): Promise<Response> {
  const jar = await cookies();
  const pending = decodePendingSignIn(jar.get(pendingSignInCookie)?.value);
  jar.delete({ name: pendingSignInCookie, path: cookiePath });
  const s = settings();
  if (typeof s === 'string') return toLogin(s);
  if (!pending) return toLogin('expired');
  // The answer as the provider addressed it: the registered redirect URI with this request's query.
  const callbackUrl = new URL(pending.redirectUri);
  if (callbackUrl.pathname !== ssoCallbackPath) return toLogin('expired');
  callbackUrl.search = new URL(request.url).search;
  try {
    const claims = await completeSignIn(s, pending, callbackUrl);
    const identity = ssoIdentity(claims, s.rolesClaim, s.roleMap);
    if (!identity) throw new SsoError('no-identity', 'the claims name no one (no preferred_username, email or sub)');
    let user;
    try {
      user = upsertSsoUser(identity);
    } catch (e) {
      if (e instanceof UserError) throw new SsoError(e.code === 'bad-input' ? 'no-identity' : 'account-refused', `user "${identity.username}": ${e.message}`, { cause: e });
      throw e;
    }
    await createSession(user.id, { address: await currentAddress(), userAgent: (await headers()).get('user-agent') ?? undefined });
    return redirectTo('/');
  } catch (e) {
    return failed(e);
  }
}
