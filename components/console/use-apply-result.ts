'use client';

import { useCallback } from 'react';
import { useConsoleStoreApi } from './console-provider';
import type { ActionResult } from './action-result';

/**
 * Take an action's result into the store: the changed host's fresh view, and a success's message for
 * the live region. A failure is said once, by the form's own alert, so the status line is cleared.
 */
export function useApplyResult(): (result: ActionResult) => void {
  const store = useConsoleStoreApi();
  return useCallback(
    (result) => {
      const s = store.getState();
      if (result.hosts) s.applyHosts(result.hosts);
      s.announce(result.ok ? result.message : '');
    },
    [store],
  );
}
