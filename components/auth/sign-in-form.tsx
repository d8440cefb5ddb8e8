'use client';

import { useActionState, useId } from 'react';
import { Field, buttonClass, inputClass } from '@/components/console/field';
import { signInAction } from './actions';

/** Username and password; the reason a try failed is announced. */
export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, null);
  const uid = useId();
  return (
    <form action={action} aria-label="Sign in" className="flex flex-col gap-3">
      <Field label="Username" id={`${uid}-username`}>
        {(p) => <input {...p} name="username" className={inputClass} autoComplete="username" autoFocus required />}
      </Field>
      <Field label="Password" id={`${uid}-password`}>
        {(p) => <input {...p} name="password" type="password" className={inputClass} autoComplete="current-password" required />}
      </Field>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-rose-800">
        {state?.message}
      </p>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
