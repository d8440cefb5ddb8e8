import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from './row-window';

describe('row window', () => {
  it('draws only the rows on screen and a few beyond, with spacers for the rest', () => {
    const w = rowWindow({ count: 2000, rowHeight: 30, scrollTop: 3000, height: 300, overscan: 5 });
    expect(w).toEqual({ start: 95, end: 115, before: 95 * 30, after: (2000 - 115) * 30 });
    // Spacers and drawn rows add up to the full list, so the scrollbar is true.
    expect(w.before + (w.end - w.start) * 30 + w.after).toBe(2000 * 30);
  });

  it('starts at the top and stops at the bottom', () => {
    expect(rowWindow({ count: 2000, rowHeight: 30, scrollTop: 0, height: 300, overscan: 5 })).toMatchObject({ start: 0, end: 15, before: 0 });
    const end = rowWindow({ count: 2000, rowHeight: 30, scrollTop: 1e9, height: 300, overscan: 5 });
    expect(end).toMatchObject({ end: 2000, after: 0, start: 1985 });
  });

  it('draws every row of a list shorter than its viewport, and nothing of an empty one', () => {
    expect(rowWindow({ count: 4, rowHeight: 30, scrollTop: 0, height: 600 })).toEqual({ start: 0, end: 4, before: 0, after: 0 });
    expect(rowWindow({ count: 0, rowHeight: 30, scrollTop: 50, height: 600 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('scrolls a row into the middle of the view only when it is not already in full view', () => {
    const at = { rowHeight: 30, height: 300, count: 2000 };
    expect(scrollToShow({ ...at, index: 5, scrollTop: 0 })).toBeNull();
    expect(scrollToShow({ ...at, index: 9, scrollTop: 0 })).toBeNull();
    expect(scrollToShow({ ...at, index: 10, scrollTop: 0 })).toBe(10 * 30 - 135);
    expect(scrollToShow({ ...at, index: 1000, scrollTop: 0 })).toBe(1000 * 30 - 135);
    // Partly hidden above.
    expect(scrollToShow({ ...at, index: 100, scrollTop: 3010 })).toBe(3000 - 135);
    // Near the ends, as far as the list goes.
    expect(scrollToShow({ ...at, index: 1, scrollTop: 900 })).toBe(0);
    expect(scrollToShow({ ...at, index: 1999, scrollTop: 0 })).toBe(2000 * 30 - 300);
  });
});
