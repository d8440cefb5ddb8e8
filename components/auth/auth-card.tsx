import type { ReactNode } from 'react';

/** The small centred card the sign-in and password pages share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 p-6 text-slate-900">
      <section aria-labelledby="auth-title" className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-lg font-semibold tracking-tight">Switchyard</p>
        <h1 id="auth-title" className="text-base font-semibold">
          {title}
        </h1>
        {children}
      </section>
    </main>
  );
}
