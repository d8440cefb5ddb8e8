'use client';

import { useEffect, useState } from 'react';
import type { BindingReport } from '@/lib/console/topology';
import { bindingHistoryAction } from './history-action';
import type { HistoryEntry } from './history-entries';

/** A binding's history, read when it is inspected and again whenever it changes; null while loading, a message if it cannot be read. */
export function useBindingHistory(host: string, b: BindingReport): HistoryEntry[] | string | null {
  const [entries, setEntries] = useState<HistoryEntry[] | string | null>(null);
  const key = `${host}/${b.id}@${b.revision}`;
  useEffect(() => {
    let current = true;
    void bindingHistoryAction({ host, id: b.id }).then((r) => {
      if (current) setEntries(r.ok ? r.entries : r.message);
    });
    return () => {
      current = false;
    };
    // `key` names what changes the history: host, binding and its revision.
  }, [key]);
  return entries;
}
