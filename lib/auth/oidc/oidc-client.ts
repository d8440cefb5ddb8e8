import * as client from 'openid-client';
import type { OidcSettings } from './oidc-settings';
import { isLoopback } from './oidc-settings';
import type { PendingSignIn } from './pending-sign-in';
import { SsoError } from './sso-error';
import { ssoScopes } from './sso-scopes';

// The provider's metadata, discovered once per issuer and client; a failed discovery is retried next time.
let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId} ${settings.clientSecret}`;
  if (discovered?.key !== key) {
    const config = client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        // Plain http is accepted for a provider on this machine only (oidcSettingsFromEnv refuses any other).
        execute: isLoopback(settings.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((cause: unknown) => {
        discovered = undefined;
        throw new SsoError('provider-unreachable', `could not read the provider's metadata at ${settings.issuer.href}`, { cause });
      });
    discovered = { key, config };
  }
  return discovered.config;
}

/** Begin a sign-in: the provider URL to send the browser to, and what to remember until it returns. */
export async function beginSignIn(settings: OidcSettings, redirectUri: string): Promise<{ authorizationUrl: URL; pending: PendingSignIn }> {
  const config = await configuration(settings);
  const pending: PendingSignIn = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    redirectUri,
    startedAt: Date.now(),
  };
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: ssoScopes(config.serverMetadata().scopes_supported, settings.rolesClaim),
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { authorizationUrl, pending };
}

/**
 * Finish a sign-in from the provider's redirect: check state, exchange the code with the PKCE
 * verifier, verify the ID token and its nonce, and return its claims, completed from the
 * userinfo endpoint when the ID token lacks the name or the roles claim (many providers put
 * scope claims only there).
 */
export async function completeSignIn(settings: OidcSettings, pending: PendingSignIn, callbackUrl: URL): Promise<Record<string, unknown>> {
  const config = await configuration(settings);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    throw classify(cause);
  }
  const idClaims: Record<string, unknown> = { ...tokens.claims() };
  if (idClaims[settings.rolesClaim] !== undefined && typeof idClaims.preferred_username === 'string') return idClaims;
  if (!config.serverMetadata().userinfo_endpoint) return idClaims;
  try {
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
    return { ...userinfo, ...idClaims, [settings.rolesClaim]: idClaims[settings.rolesClaim] ?? userinfo[settings.rolesClaim] };
  } catch (cause) {
    throw classify(cause);
  }
}

// The provider said no (the user cancelled or was refused there), it answered something that did
// not verify, or it could not be reached.
function classify(cause: unknown): SsoError {
  if (cause instanceof client.AuthorizationResponseError) return new SsoError('denied', `the provider refused: ${cause.error}${cause.error_description ? ` (${cause.error_description})` : ''}`, { cause });
  if (cause instanceof client.ResponseBodyError) return new SsoError('rejected', `the provider's token endpoint answered ${cause.status} ${cause.error}`, { cause });
  if (cause instanceof client.ClientError) return new SsoError('rejected', `the provider's answer did not verify: ${cause.message}`, { cause });
  return new SsoError('provider-unreachable', `the provider could not be asked: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}
