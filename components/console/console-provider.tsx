'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Access } from './access';
import type { Topology } from '@/lib/console/topology';
import type { KeptPositions } from '@/lib/console/layout-positions';
import { createConsoleStore, type ConsoleState, type ConsoleStore } from './console-store';

const ConsoleStoreContext = createContext<ConsoleStore | null>(null);

/**
 * Holds this page's console store, created once from the topology the server loaded and the user's
 * kept positions. Nodes are placed in the browser only: the server renders the page's shell, and
 * its graph is a placeholder (see NetworkGraph).
 */
export function ConsoleProvider({ topology, access, kept, children }: { topology: Topology; access: Access; kept: KeptPositions; children: ReactNode }) {
  const [store] = useState(() => createConsoleStore(topology, access, typeof window === 'undefined' ? undefined : kept));
  return <ConsoleStoreContext.Provider value={store}>{children}</ConsoleStoreContext.Provider>;
}

/** The provider's store itself, for event handlers that read with `getState()`. */
export function useConsoleStoreApi(): ConsoleStore {
  const store = useContext(ConsoleStoreContext);
  if (!store) throw new Error('useConsoleStoreApi must be used inside <ConsoleProvider>');
  return store;
}

/** Subscribe to one slice of the console store. */
export function useConsole<T>(selector: (s: ConsoleState) => T): T {
  return useStore(useConsoleStoreApi(), selector);
}
