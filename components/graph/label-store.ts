'use client';

import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabelRequest, Point } from './label-placement';

/** The edge labels drawn now, what each asks for, and where the placement put each. */
export interface LabelsState {
  requests: Readonly<Record<string, LabelRequest>>;
  placed: Readonly<Record<string, Point>>;
  /** A label asks for a place (again, when its edge or size changed). */
  request(r: LabelRequest): void;
  /** A label is no longer drawn. */
  drop(id: string): void;
  /** The placement's answer; labels whose place did not move keep the same point, so they do not redraw. */
  setPlaced(placed: ReadonlyMap<string, Point>): void;
}

export type LabelsStore = StoreApi<LabelsState>;

const samePoint = (a: Point | undefined, b: Point): boolean => !!a && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/** A labels store for one graph (created per graph, never shared between pages). */
export function createLabelsStore(): LabelsStore {
  return createStore<LabelsState>()((set, get) => ({
    requests: {},
    placed: {},
    request: (r) => set((s) => ({ requests: { ...s.requests, [r.id]: r } })),
    drop: (id) =>
      set((s) => {
        if (!(id in s.requests)) return s;
        const { [id]: _gone, ...requests } = s.requests;
        return { requests };
      }),
    setPlaced: (placed) => {
      const before = get().placed;
      let changed = Object.keys(before).length !== placed.size;
      const next: Record<string, Point> = {};
      for (const [id, p] of placed) {
        const old = before[id];
        next[id] = samePoint(old, p) ? old! : p;
        if (next[id] !== old) changed = true;
      }
      if (changed) set({ placed: next });
    },
  }));
}

export const LabelsContext = createContext<LabelsStore | null>(null);

/** The graph's labels store. */
export function useLabelsStore(): LabelsStore {
  const store = useContext(LabelsContext);
  if (!store) throw new Error('useLabelsStore must be used inside the network graph');
  return store;
}
