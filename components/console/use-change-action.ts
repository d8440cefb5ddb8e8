'use client';

import { useCallback, useState, useTransition } from 'react';
import type { ActionResult } from './action-result';
import { useApplyResult } from './use-apply-result';

/** A server action run from a form or a confirmation: busy while it runs, its result kept for the form's alert and taken into the store. */
export interface ChangeAction<R extends ActionResult> {
  result: R | null;
  setResult: (r: R | null) => void;
  busy: boolean;
  /** Run `act`, keep and apply its result, then hand it to `then`. */
  run: (act: () => Promise<R>, then?: (r: R) => void) => void;
}

/** The one way a component runs a change: `run(() => someAction(input), (r) => …)`. */
export function useChangeAction<R extends ActionResult = ActionResult>(): ChangeAction<R> {
  const applyResult = useApplyResult();
  const [result, setResult] = useState<R | null>(null);
  const [busy, startTransition] = useTransition();
  const run = useCallback(
    (act: () => Promise<R>, then?: (r: R) => void) =>
      startTransition(async () => {
        const r = await act();
        setResult(r);
        applyResult(r);
        then?.(r);
      }),
    [applyResult],
  );
  return { result, setResult, busy, run };
}
