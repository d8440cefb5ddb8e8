import { createStore as createZustandStore } from 'zustand/vanilla';
import type { Access } from './access';
import type { BindingKey } from './binding-key';
import type { HostView, Topology } from '@/lib/console/topology';
import type { NodePlacement } from '@/components/graph/layout-input';
import type { KeptPositions } from '@/lib/console/layout-positions';
import type { GraphNode } from '@/components/graph/graph-model';
import { toggleHost } from '@/components/graph/host-expansion';
import type { InverseChange } from './change-inverse';
import type { UndoOffer } from './undo-offer';
import {
  adoptEpoch,
  applyHosts,
  applyTopology,
  beginRebind,
  initialData,
  placeNodes,
  selectBinding,
  selectEdge,
  settleRebind,
  type ConsoleData,
  type Panel,
  type PendingRebind,
} from './console-reducers';

export interface ConsoleActions {
  applyTopology(topology: Topology): void;
  applyHosts(views: readonly HostView[], version?: number): void;
  adoptEpoch(epoch: string): void;
  placeNodes(placements: Record<string, NodePlacement>): void;
  setNodes(nodes: GraphNode[]): void;
  /** Select a binding edge by its id (null clears); the same selection as `selectBinding`. */
  selectEdge(edgeId: string | null): void;
  /** Select a binding or a foreign rule (null clears): the table, the graph and the inspector follow. */
  selectBinding(key: BindingKey | null): void;
  beginRebind(edgeId: string, move: PendingRebind): void;
  settleRebind(edgeId: string, refusal: string | null): void;
  openPanel(panel: Panel | null): void;
  announce(message: string): void;
  /** Open a collapsed host, or collapse an open one. */
  toggleHost(hostId: string): void;
  /** Draw a bundle's bindings one by one (null closes it). */
  openBundle(bundleId: string | null): void;
  /** Offer to take an applied change back for 30 s (replaces an earlier offer); several steps run in order, e.g. both halves of a route. */
  offerUndo(offer: { label: string; inverse: InverseChange | readonly InverseChange[] }): void;
  /** Withdraw the undo offer (taken, expired, or dismissed). */
  dropUndo(): void;
}

export type ConsoleState = ConsoleData & ConsoleActions & { access: Access; undo: UndoOffer | null };
export type ConsoleStore = ReturnType<typeof createConsoleStore>;

/** A console store for one provider: never a module singleton, so each page (and test) has its own. */
export function createConsoleStore(topology: Topology, access: Access, kept?: KeptPositions) {
  return createZustandStore<ConsoleState>()((set) => ({
    ...initialData(topology, kept),
    access,
    undo: null,
    applyTopology: (t) => set((s) => applyTopology(s, t)),
    applyHosts: (views, version) => set((s) => applyHosts(s, views, version)),
    adoptEpoch: (epoch) => set((s) => adoptEpoch(s, epoch)),
    placeNodes: (p) => set((s) => placeNodes(s, p)),
    setNodes: (nodes) => set({ nodes }),
    selectEdge: (id) => set((s) => selectEdge(s, id)),
    selectBinding: (key) => set((s) => selectBinding(s, key)),
    beginRebind: (id, move) => set((s) => beginRebind(s, id, move)),
    settleRebind: (id, refusal) => set((s) => settleRebind(s, id, refusal)),
    openPanel: (panel) => set({ panel }),
    announce: (announcement) => set({ announcement }),
    toggleHost: (hostId) => set((s) => ({ expanded: toggleHost(s.graph.nodes, s.expanded, hostId) })),
    openBundle: (openedBundle) => set({ openedBundle }),
    offerUndo: ({ label, inverse }) => set({ undo: { label, inverse: Array.isArray(inverse) ? inverse : [inverse as InverseChange], offeredAt: Date.now() } }),
    dropUndo: () => set({ undo: null }),
  }));
}
