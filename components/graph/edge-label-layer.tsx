'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const Layer = createContext<Element | null>(null);
/** Holds React Flow's edge label layer (`.react-flow__edgelabel-renderer`), found once by the graph. */
export const EdgeLabelLayerProvider = Layer.Provider;

/**
 * An edge's label in React Flow's label layer, as `EdgeLabelRenderer` draws it, without its store
 * subscription: that one looks the layer up in the DOM on every store update (each zoom step), once per label.
 */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  const layer = useContext(Layer);
  return layer ? createPortal(children, layer) : null;
}
