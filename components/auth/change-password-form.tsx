'use client';

import { useActionState, useId } from 'react';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { changePasswordAction } from './actions';

/** A new password, twice. */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const uid = useId();
  const error = (name: string) => (state?.field === name ? [state.message] : undefined);
  return (
    <form action={action} aria-label="Change password" className="flex flex-col gap-3">
      <Field label="New password" id={`${uid}-new`} error={error('newPassword')}>
        {(p) => <input {...p} name="newPassword" type="password" className={inputClass} autoComplete="new-password" required autoFocus />}
      </Field>
      <Field label="Confirm new password" id={`${uid}-confirm`} error={error('confirmPassword')}>
        {(p) => <input {...p} name="confirmPassword" type="password" className={inputClass} autoComplete="new-password" required />}
      </Field>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-rose-800">
        {state?.message}
      </p>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        Change password
      </button>
    </form>
  );
}
