'use client';

import { useCallback } from 'react';
import { useConsoleStoreApi } from './console-provider';
import type { ActionResult } from './action-result';
import { changedAnything, inverseOf, type AppliedChange } from './change-inverse';

/** After an applied change: offer its inverse in the undo bar (nothing is offered for a refused change, except for what a half-done route removal took away). */
export function useOfferUndo(): (change: AppliedChange, result: ActionResult) => void {
  const store = useConsoleStoreApi();
  return useCallback(
    (change, result) => {
      if (!changedAnything(change, result.ok)) return;
      const inverse = inverseOf(change, result.hosts ?? []);
      if (inverse.ok) store.getState().offerUndo({ label: inverse.label, inverse: inverse.inverse });
    },
    [store],
  );
}
