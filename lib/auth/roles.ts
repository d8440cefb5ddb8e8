/** What a user may do: viewers look, operators change bindings and exposures, admins also manage users and tokens. */
export type Role = 'viewer' | 'operator' | 'admin';

export const roles: readonly Role[] = ['viewer', 'operator', 'admin'];

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Read a role name, or undefined when it is none. */
export const parseRole = (value: unknown): Role | undefined => (roles as readonly unknown[]).includes(value) ? (value as Role) : undefined;

/** Whether `role` includes everything `minRole` may do. */
export const roleAtLeast = (role: Role, minRole: Role): boolean => rank[role] >= rank[minRole];
