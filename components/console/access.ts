import { mayChangeHost } from '@/lib/auth/user';
import type { Role } from '@/lib/auth/roles';

/** What the signed-in user may change, as the page needs it: their role and, if limited, their hosts. */
export interface Access {
  role: Role;
  hosts: string[] | null;
}

/** Whether the user may change anything at all (viewers may not). */
export const mayChangeAnything = (a: Access): boolean => a.role !== 'viewer' && (a.hosts === null || a.hosts.length > 0);

/** Whether the user may change bindings and exposures on `host`; other hosts are drawn read-only. */
export const mayChange = (a: Access, host: string): boolean => mayChangeHost(a, host);
