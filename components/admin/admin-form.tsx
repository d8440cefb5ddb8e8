'use client';

import { useActionState, type ReactNode } from 'react';
import type { AdminResult } from './admin-result';

type Action = (prev: AdminResult, data: FormData) => Promise<AdminResult>;

/** One admin form: its fields, and after submitting, what happened (and a secret to copy once), announced. */
export function AdminForm({ action, label, className, children }: { action: Action; label: string; className?: string; children: (pending: boolean) => ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} className={className ?? 'flex flex-wrap items-end gap-2'}>
      {children(pending)}
      <div role="status" aria-live="polite" className={`basis-full text-sm ${state?.ok === false ? 'text-rose-800' : 'text-slate-700'}`}>
        {state?.message}
        {state?.secret && (
          <code aria-label="Shown once" className="mt-1 block select-all rounded bg-slate-900 px-2 py-1 font-mono text-slate-100">
            {state.secret}
          </code>
        )}
      </div>
    </form>
  );
}
