/**
 * The scopes a sign-in asks for: `openid`, then `profile`, `email` and the roles claim's own
 * scope (e.g. `groups`) where the provider lists them; without a list, `openid profile email`.
 */
export function ssoScopes(offered: readonly string[] | undefined, rolesClaim: string): string {
  const wanted = offered ? ['profile', 'email', rolesClaim].filter((s) => offered.includes(s)) : ['profile', 'email'];
  return [...new Set(['openid', ...wanted])].join(' ');
}
