import { headers } from 'next/headers';

/** What a caller may do: viewers look, operators change bindings. */
export type Role = 'viewer' | 'operator';

const parseRole = (v: string | null | undefined): Role | undefined => (v === 'viewer' || v === 'operator' ? v : undefined);

/**
 * The effective role: `SWITCHYARD_ROLE` sets the ceiling (operator by default) and an
 * `x-switchyard-role` request header (set by a fronting proxy) may only lower it.
 */
export function resolveRole(envRole: string | undefined, headerRole: string | null | undefined): Role {
  const ceiling = parseRole(envRole) ?? (envRole ? 'viewer' : 'operator');
  return ceiling === 'viewer' || parseRole(headerRole) === 'viewer' ? 'viewer' : 'operator';
}

/** The role of the caller of the current server action or request. */
export async function currentRole(): Promise<Role> {
  const h = await headers();
  return resolveRole(process.env.SWITCHYARD_ROLE, h.get('x-switchyard-role'));
}
