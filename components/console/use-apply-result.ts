'use client';

import { useCallback } from 'react';
import { useConsoleStoreApi } from './console-provider';
import type { ActionResult } from './action-result';

/** Take an action's result into the store: its fresh topology, and its message for the live region. */
export function useApplyResult(): (result: ActionResult) => void {
  const store = useConsoleStoreApi();
  return useCallback(
    (result) => {
      const s = store.getState();
      if (result.topology) s.applyTopology(result.topology);
      s.announce(result.message);
    },
    [store],
  );
}
