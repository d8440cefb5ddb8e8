'use client';

import { useMemo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { getNodesInside } from '@xyflow/system';
import { shallow } from 'zustand/shallow';

const none: string[] = [];
const nothing = () => none;
const onScreen = (s: ReactFlowState) => getNodesInside(s.nodeLookup, { x: 0, y: 0, width: s.width, height: s.height }, s.transform, true).map((n) => n.id);

/**
 * The ids of the nodes on screen (in part or whole), while `watching`: re-renders only when that set
 * changes, not on every pan or zoom step. Not watching, always the same empty set.
 */
export function useNodesOnScreen(watching: boolean): ReadonlySet<string> {
  const ids = useStore(watching ? onScreen : nothing, shallow);
  return useMemo(() => new Set(ids), [ids]);
}
