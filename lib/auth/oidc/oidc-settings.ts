import { OidcSettingsError } from './oidc-settings-error';
import { parseRoleMap, type RoleMap } from './role-map';

/** How this console signs users in through an OpenID provider. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The ID token / userinfo claim whose names map to roles (`groups` by default). */
  rolesClaim: string;
  roleMap: RoleMap;
}

const required = ['SWITCHYARD_OIDC_ISSUER', 'SWITCHYARD_OIDC_CLIENT_ID', 'SWITCHYARD_OIDC_CLIENT_SECRET'] as const;

/** Whether single sign-on is set up at all (any of issuer, client id, secret given), so /login offers it. */
export const ssoConfigured = (env: Record<string, string | undefined> = process.env): boolean => required.some((name) => env[name]?.trim());

/**
 * Single sign-on settings from the environment: null when none of issuer, client id and secret
 * is set (SSO off); an `OidcSettingsError` when they are set only in part or cannot be used.
 */
export function oidcSettingsFromEnv(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const given = required.filter((name) => env[name]?.trim());
  if (given.length === 0) return null;
  const missing = required.filter((name) => !given.includes(name));
  if (missing.length > 0) throw new OidcSettingsError(missing[0], `is not set, but ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'}; single sign-on needs all three`);
  let issuer: URL;
  try {
    issuer = new URL(env.SWITCHYARD_OIDC_ISSUER!.trim());
  } catch {
    throw new OidcSettingsError('SWITCHYARD_OIDC_ISSUER', `"${env.SWITCHYARD_OIDC_ISSUER}" is not a URL`);
  }
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
    throw new OidcSettingsError('SWITCHYARD_OIDC_ISSUER', 'must be an https URL (plain http only for a provider on this machine)');
  }
  return {
    issuer,
    clientId: env.SWITCHYARD_OIDC_CLIENT_ID!.trim(),
    clientSecret: env.SWITCHYARD_OIDC_CLIENT_SECRET!.trim(),
    rolesClaim: env.SWITCHYARD_OIDC_ROLES_CLAIM?.trim() || 'groups',
    roleMap: parseRoleMap(env.SWITCHYARD_OIDC_ROLE_MAP),
  };
}

/** A provider on this machine (tests, a local development IdP) may be spoken to over plain http. */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}
