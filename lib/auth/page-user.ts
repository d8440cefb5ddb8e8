import { redirect } from 'next/navigation';
import { currentUser } from './require-user';
import { roleAtLeast, type Role } from './roles';
import type { User } from './user';

/**
 * The signed-in user for a page, or a redirect: to /login without a session, to /change-password
 * while a new password is due. A page for a higher role than the user's shows a plain refusal instead (`null`).
 */
export async function pageUser(minRole: Role = 'viewer'): Promise<User | null> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/change-password');
  return roleAtLeast(user.role, minRole) ? user : null;
}
