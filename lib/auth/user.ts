import type { Role } from './roles';

/** A person (or automation) known to the console. `hosts` null means every host. */
export interface User {
  id: number;
  username: string;
  role: Role;
  hosts: string[] | null;
  mustChangePassword: boolean;
}

/** Whether the user may change things on `host`: operators and admins, limited to their hosts when they have a list. */
export const mayChangeHost = (user: Pick<User, 'role' | 'hosts'>, host: string): boolean =>
  user.role !== 'viewer' && (user.hosts === null || user.hosts.includes(host));

/** Usernames: letters, digits and . _ @ - (what single sign-on usernames and e-mail addresses need), at most 64. */
export const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
