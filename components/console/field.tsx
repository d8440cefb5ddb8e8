import type { ReactNode } from 'react';

/** A labelled form control, marked invalid (with its message) when the last result named it. */
export function Field({ label, id, error, children }: { label: string; id: string; error?: string[]; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const errId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(error?.length ? { 'aria-describedby': errId } : {}) })}
      {error && error.length > 0 && (
        <p id={errId} className="text-xs text-rose-700">
          {error.join('; ')}
        </p>
      )}
    </div>
  );
}

/** The look every text input and select in the console shares. */
export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 focus:border-violet-500 focus:outline-none focus:ring-2 focus:ring-violet-200 aria-[invalid=true]:border-rose-400';

/** Primary and secondary buttons. */
export const buttonClass = {
  primary: 'rounded-md bg-violet-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-violet-800 disabled:cursor-not-allowed disabled:opacity-50',
  secondary: 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50',
  danger: 'rounded-md bg-rose-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-rose-800 disabled:opacity-50',
} as const;
