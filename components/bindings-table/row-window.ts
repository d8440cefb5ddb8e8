/** The rows a scrolled list draws: [start, end) and the space standing in for the rows above and below. */
export interface RowWindow {
  start: number;
  end: number;
  /** Height of the rows above `start` that are not drawn, px. */
  before: number;
  /** Height of the rows from `end` on that are not drawn, px. */
  after: number;
}

/**
 * Which rows of `count` rows of `rowHeight` px are on screen in a viewport `height` px tall scrolled
 * to `scrollTop`, with `overscan` more drawn on each side so a fast scroll shows no gap.
 */
export function rowWindow(p: { count: number; rowHeight: number; scrollTop: number; height: number; overscan?: number }): RowWindow {
  const overscan = p.overscan ?? 8;
  const total = p.count * p.rowHeight;
  const top = Math.min(Math.max(0, p.scrollTop), Math.max(0, total - p.height));
  const first = Math.floor(top / p.rowHeight);
  const last = Math.ceil((top + Math.max(0, p.height)) / p.rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(p.count, last + overscan);
  return { start, end, before: start * p.rowHeight, after: (p.count - end) * p.rowHeight };
}

/**
 * Where to scroll so row `index` is in full view: unchanged (null) when it already is, else the
 * row in the middle of the viewport (or as near as the list's ends allow).
 */
export function scrollToShow(p: { index: number; rowHeight: number; scrollTop: number; height: number; count: number }): number | null {
  const top = p.index * p.rowHeight;
  if (top >= p.scrollTop && top + p.rowHeight <= p.scrollTop + p.height) return null;
  const centred = top - (p.height - p.rowHeight) / 2;
  return Math.round(Math.min(Math.max(0, centred), Math.max(0, p.count * p.rowHeight - p.height)));
}
