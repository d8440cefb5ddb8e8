'use client';

import { useEffect, useState } from 'react';
import { afterPaint } from '@/components/console/after-paint';
import { bindingHistoryAction } from './history-action';
import type { HistoryEntry } from './history-entries';

/** A binding's history, read when it is inspected and again whenever it changes (its revision; null once removed); null while loading, a message if it cannot be read. */
export function useBindingHistory(host: string, id: string, revision: number | null): HistoryEntry[] | string | null {
  const [entries, setEntries] = useState<HistoryEntry[] | string | null>(null);
  const key = `${host}/${id}@${revision ?? 'removed'}`;
  useEffect(() => {
    let current = true;
    // Asked once the inspector is painted, as its rules are.
    const cancel = afterPaint(() => {
      void bindingHistoryAction({ host, id }).then((r) => {
        if (current) setEntries(r.ok ? r.entries : r.message);
      });
    });
    return () => {
      current = false;
      cancel();
    };
    // `key` names what changes the history: host, binding and its revision.
  }, [key]);
  return entries;
}
