'use client';

import { useMemo, useRef } from 'react';
import { keepUnchanged } from './unchanged-elements';

/** `elements` with the unchanged ones kept as the objects handed out last time (see `keepUnchanged`). */
export function useUnchangedElements<T extends { id: string }>(elements: readonly T[]): T[] {
  const last = useRef<T[] | null>(null);
  return useMemo(() => (last.current = keepUnchanged(last.current, elements)), [elements]);
}
