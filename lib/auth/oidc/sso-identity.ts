import type { Role } from '../roles';
import { roleFromClaim, type RoleMap } from './role-map';

/** Who the provider says signed in, and the console role that grants. */
export interface SsoIdentity {
  username: string;
  role: Role;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The console user for a provider's claims: named by `preferred_username`, else `email`, else
 * `sub`; the role from the roles claim through the role map. Null when the claims name nobody.
 */
export function ssoIdentity(claims: Record<string, unknown>, rolesClaim: string, roleMap: RoleMap): SsoIdentity | null {
  const username = text(claims.preferred_username) ?? text(claims.email) ?? text(claims.sub);
  if (!username) return null;
  return { username, role: roleFromClaim(claims[rolesClaim], roleMap) };
}
