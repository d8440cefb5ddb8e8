'use client';

import { useState, type FormEvent } from 'react';
import type { ActionResult } from './action-result';
import { useChangeAction } from './use-change-action';

/** What a plan-first form needs: the last result (its alert and plan), whether the input on screen is the one planned, and the submit handler. */
export interface PlannedChange<R extends ActionResult> {
  result: R | null;
  errors: Record<string, string[]>;
  planReady: boolean;
  busy: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form that shows its plan before it changes anything: the submit button valued "create" asks
 * `create` (then `onApplied`), any other asks `preview`; the create step is ready only while the
 * input is exactly the one last planned. Results go to the store as every action's do.
 */
export function usePlannedChange<R extends ActionResult>(input: object, preview: (input: unknown) => Promise<R>, create: (input: unknown) => Promise<R>, onApplied: (r: R) => void): PlannedChange<R> {
  const { result, busy, run } = useChangeAction<R>();
  const [plannedFor, setPlannedFor] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const creating = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'create';
    run(
      () => (creating ? create : preview)(input),
      (r) => {
        setPlannedFor(!creating && r.ok ? key : null);
        if (creating) onApplied(r);
      },
    );
  };
  return { result, errors: result && !result.ok ? result.errors : {}, planReady: plannedFor === key && result?.ok === true, busy, onSubmit };
}
