'use client';

import { useEffect } from 'react';
import type { HostView } from '@/lib/console/topology';
import { useConsoleStoreApi } from './console-provider';
import { hostEventsUrl } from './host-events';

// Pushes that arrive together are drawn together: one graph rebuild per batch, not per host.
const batchMs = 50;

/**
 * Keep the page live: hosts the server pushes over Server-Sent Events replace their views in the
 * store. The browser never asks a host itself; EventSource reconnects on its own, resuming from
 * the last event it got.
 */
export function useHostEvents(): void {
  const store = useConsoleStoreApi();
  useEffect(() => {
    const { version, epoch } = store.getState().topology;
    const source = new EventSource(hostEventsUrl(version, epoch));
    let batch: HostView[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const views = batch;
      batch = [];
      store.getState().applyHosts(views);
    };
    source.addEventListener('hello', (e) => {
      flush();
      store.getState().adoptEpoch((JSON.parse(e.data) as { epoch: string }).epoch);
    });
    // A refused or failed stream is not retried by EventSource: load the page again (it sends a
    // browser whose session ended to sign in, and draws the hub as it is now).
    let reload: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) reload ??= setTimeout(() => window.location.reload(), 3_000);
    });
    source.addEventListener('host', (e) => {
      batch.push(JSON.parse(e.data) as HostView);
      timer ??= setTimeout(flush, batchMs);
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      if (reload) clearTimeout(reload);
    };
  }, [store]);
}
