import type { ReactNode } from 'react';
import type { User } from '@/lib/auth';
import { AccountBar } from './account-bar';

/** The frame of the console's secondary pages (audit, admin): title, account bar, content. */
export function PageFrame({ title, user, children }: { title: string; user: Pick<User, 'username' | 'role'>; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-white text-slate-900">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 px-5 py-3">
        <p className="text-lg font-semibold tracking-tight">Switchyard</p>
        <h1 className="text-base font-semibold text-slate-700">{title}</h1>
        <div className="ml-auto">
          <AccountBar user={user} />
        </div>
      </header>
      <main className="flex flex-col gap-5 p-5">{children}</main>
    </div>
  );
}
