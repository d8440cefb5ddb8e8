'use client';

import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './row-window';

/**
 * The rows of a scrolled list to draw now: follows the scroller's scroll position and size, less
 * the sticky header's height. Rows are `rowHeight` px tall.
 */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, header: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 600 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => setView({ scrollTop: el.scrollTop, height: el.clientHeight - (header.current?.offsetHeight ?? 0) });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, [scroller, header]);
  return rowWindow({ count, rowHeight, scrollTop: view.scrollTop, height: view.height });
}
