/** Where the provider sends the browser back to. */
export const ssoCallbackPath = '/login/sso/callback';

/**
 * The redirect URI registered at the provider: under `SWITCHYARD_URL` (the console's public URL
 * behind a proxy) when set, else under the origin the browser used to reach the console.
 */
export function ssoCallbackUrl(publicUrl: string | undefined, requestOrigin: string): string {
  return new URL(ssoCallbackPath, publicUrl?.trim() || requestOrigin).href;
}
