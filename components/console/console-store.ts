import { createStore as createZustandStore } from 'zustand/vanilla';
import type { Access } from './access';
import type { Topology } from '@/lib/console/topology';
import type { NodePlacement } from '@/components/graph/layout-graph';
import type { GraphNode } from '@/components/graph/graph-model';
import {
  applyTopology,
  beginRebind,
  initialData,
  placeNodes,
  selectEdge,
  settleRebind,
  type ConsoleData,
  type Panel,
  type PendingRebind,
} from './console-reducers';

export interface ConsoleActions {
  applyTopology(topology: Topology): void;
  placeNodes(placements: Record<string, NodePlacement>): void;
  setNodes(nodes: GraphNode[]): void;
  selectEdge(edgeId: string | null): void;
  beginRebind(edgeId: string, move: PendingRebind): void;
  settleRebind(edgeId: string, refusal: string | null): void;
  openPanel(panel: Panel | null): void;
  announce(message: string): void;
}

export type ConsoleState = ConsoleData & ConsoleActions & { access: Access };
export type ConsoleStore = ReturnType<typeof createConsoleStore>;

/** A console store for one provider: never a module singleton, so each page (and test) has its own. */
export function createConsoleStore(topology: Topology, access: Access) {
  return createZustandStore<ConsoleState>()((set) => ({
    ...initialData(topology),
    access,
    applyTopology: (t) => set((s) => applyTopology(s, t)),
    placeNodes: (p) => set((s) => placeNodes(s, p)),
    setNodes: (nodes) => set({ nodes }),
    selectEdge: (id) => set((s) => selectEdge(s, id)),
    beginRebind: (id, move) => set((s) => beginRebind(s, id, move)),
    settleRebind: (id, refusal) => set((s) => settleRebind(s, id, refusal)),
    openPanel: (panel) => set({ panel }),
    announce: (announcement) => set({ announcement }),
  }));
}
