import Link from 'next/link';
import type { User } from '@/lib/auth';
import { SignOutButton } from './sign-out-button';

/** Who is signed in, the console's pages, and Sign out. */
export function AccountBar({ user }: { user: Pick<User, 'username' | 'role'> }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <nav aria-label="Pages" className="flex gap-3 text-violet-800">
        <Link href="/">Console</Link>
        <Link href="/audit">Audit</Link>
        {user.role === 'admin' && <Link href="/admin">Admin</Link>}
      </nav>
      <span className="text-slate-700" aria-label="Signed in as">
        {user.username}
      </span>
      <SignOutButton />
    </div>
  );
}
