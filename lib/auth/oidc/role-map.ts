import { parseRole, roleAtLeast, type Role } from '../roles';
import { OidcSettingsError } from './oidc-settings-error';

/** Provider group (or role) name → the console role it grants. */
export type RoleMap = ReadonlyMap<string, Role>;

/** Parse `SWITCHYARD_OIDC_ROLE_MAP`, e.g. `netops=operator,netadmins=admin`; an empty map grants nothing. */
export function parseRoleMap(text: string | undefined): RoleMap {
  const map = new Map<string, Role>();
  for (const entry of (text ?? '').split(',')) {
    if (!entry.trim()) continue;
    const eq = entry.lastIndexOf('=');
    const group = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !group) throw new OidcSettingsError('SWITCHYARD_OIDC_ROLE_MAP', `"${entry.trim()}" is not GROUP=ROLE`);
    if (!parseRole(role)) throw new OidcSettingsError('SWITCHYARD_OIDC_ROLE_MAP', `"${role}" in "${entry.trim()}" is not a role (viewer, operator or admin)`);
    if (map.has(group) && map.get(group) !== role) throw new OidcSettingsError('SWITCHYARD_OIDC_ROLE_MAP', `"${group}" is mapped twice`);
    map.set(group, role as Role);
  }
  return map;
}

/** The names a roles claim carries: a JSON array of strings, or one string of space- or comma-separated names. */
export function claimNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The highest role any of the claim's names maps to; viewer when none is mapped. */
export function roleFromClaim(value: unknown, map: RoleMap): Role {
  let best: Role = 'viewer';
  for (const name of claimNames(value)) {
    const role = map.get(name);
    if (role && roleAtLeast(role, best)) best = role;
  }
  return best;
}
