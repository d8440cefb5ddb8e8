'use client';

import type { ReactNode } from 'react';
import { buttonClass } from './field';

/** The confirmation before a change that takes something away: the question, the danger button and Cancel, in one labelled group (`more` goes under them). */
export function ConfirmDanger({ label, confirm, busy, onConfirm, onCancel, children, more }: { label: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children: ReactNode; more?: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-col gap-2 rounded-lg border border-rose-200 bg-rose-50 p-3 dark:border-rose-800 dark:bg-rose-950">
      <p className="text-sm text-rose-900 [overflow-wrap:anywhere] dark:text-rose-100">{children}</p>
      <div className="flex gap-2">
        <button type="button" className={buttonClass.danger} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {more}
    </div>
  );
}
