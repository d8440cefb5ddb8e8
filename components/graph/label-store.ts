'use client';

import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Point } from './label-placement';
import type { LabelAsk } from './labels-to-place';

/** The edge labels drawn now, what each asks for, and where the placement put each. */
export interface LabelsState {
  requests: Readonly<Record<string, LabelAsk>>;
  placed: Readonly<Record<string, Point>>;
  /** A label asks for a place (again, when its edge moved or it became kept or not); its measured size is kept. */
  ask(a: Omit<LabelAsk, 'width' | 'height'>): void;
  /** Watches a label's drawn size (0 while hidden by zoom) until the returned function is called. */
  observe(id: string, el: Element): () => void;
  /** A label is no longer drawn. */
  drop(id: string): void;
  /**
   * The placement's answer for the labels it placed; labels whose place did not move keep the same
   * point, so they do not redraw, and labels it left out (hidden by zoom) keep their last place.
   */
  setPlaced(placed: ReadonlyMap<string, Point>): void;
}

export type LabelsStore = StoreApi<LabelsState>;

const samePoint = (a: Point | undefined, b: Point): boolean => !!a && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/** A labels store for one graph (created per graph, never shared between pages). */
export function createLabelsStore(): LabelsStore {
  // One observer for every label: a size change (new text, or shown again after zooming in) re-asks in one batch.
  let sizes: ResizeObserver | null = null;
  const ids = new WeakMap<Element, string>();
  // Asks and drops of one render land in one update: a large network's labels each asking on their own
  // copied the whole record and woke every label once per label.
  const pending = new Map<string, Omit<LabelAsk, 'width' | 'height'> | null>();
  let flushing = false;
  return createStore<LabelsState>()((set, get) => {
    const flush = () => {
      flushing = false;
      const asks = [...pending];
      pending.clear();
      set((s) => {
        let requests: Record<string, LabelAsk> | null = null;
        for (const [id, a] of asks) {
          const old = (requests ?? s.requests)[id];
          if (!a) {
            if (!old) continue;
            requests ??= { ...s.requests };
            delete requests[id];
          } else if (!old || old.path !== a.path || old.x !== a.x || old.y !== a.y || old.kept !== a.kept) {
            requests ??= { ...s.requests };
            requests[id] = { ...a, width: old?.width ?? 0, height: old?.height ?? 0 };
          }
        }
        return requests ? { requests } : s;
      });
    };
    const later = () => {
      if (!flushing) queueMicrotask(flush);
      flushing = true;
    };
    return {
    requests: {},
    placed: {},
    ask: (a) => {
      pending.set(a.id, a);
      later();
    },
    observe: (id, el) => {
      sizes ??= new ResizeObserver((entries) =>
        set((s) => {
          let requests: Record<string, LabelAsk> | null = null;
          for (const e of entries) {
            const at = ids.get(e.target);
            const old = at ? (requests ?? s.requests)[at] : undefined;
            const box = e.borderBoxSize[0];
            const width = box ? box.inlineSize : (e.target as HTMLElement).offsetWidth;
            const height = box ? box.blockSize : (e.target as HTMLElement).offsetHeight;
            if (!at || !old || (old.width === width && old.height === height)) continue;
            requests ??= { ...s.requests };
            requests[at] = { ...old, width, height };
          }
          return requests ? { requests } : s;
        }),
      );
      ids.set(el, id);
      sizes.observe(el);
      return () => sizes?.unobserve(el);
    },
    drop: (id) => {
      pending.set(id, null);
      later();
    },
    setPlaced: (placed) => {
      const { placed: before, requests } = get();
      let changed = false;
      const next: Record<string, Point> = {};
      for (const id of Object.keys(before)) if (id in requests && !placed.has(id)) next[id] = before[id]!;
      for (const [id, p] of placed) {
        const old = before[id];
        next[id] = samePoint(old, p) ? old! : p;
        if (next[id] !== old) changed = true;
      }
      if (Object.keys(next).length !== Object.keys(before).length) changed = true;
      if (changed) set({ placed: next });
    },
  };
  });
}

export const LabelsContext = createContext<LabelsStore | null>(null);

/** The graph's labels store. */
export function useLabelsStore(): LabelsStore {
  const store = useContext(LabelsContext);
  if (!store) throw new Error('useLabelsStore must be used inside the network graph');
  return store;
}
