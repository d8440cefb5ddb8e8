import type { LayoutBox, LayoutInput } from './layout-input';

/** Gaps between the boxes of a row, and between rows. */
export const gridGap = { x: 40, y: 64 } as const;

/** Top-left corners for boxes laid out row after row, left to right, in the order given. */
export function gridLayout(input: Pick<LayoutInput, 'boxes'>): Record<string, { x: number; y: number }> {
  const rows = new Map<number, LayoutBox[]>();
  for (const b of input.boxes) rows.set(b.row, [...(rows.get(b.row) ?? []), b]);
  const out: Record<string, { x: number; y: number }> = {};
  let y = 0;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    let x = 0;
    const boxes = rows.get(row)!;
    for (const b of boxes) {
      out[b.id] = { x, y };
      x += b.width + gridGap.x;
    }
    y += Math.max(...boxes.map((b) => b.height)) + gridGap.y;
  }
  return out;
}
