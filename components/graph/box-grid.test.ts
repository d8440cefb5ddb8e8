import { describe, expect, it } from 'vitest';
import { BoxGrid, overlapArea, type Box } from './box-grid';

// A small deterministic generator, so the comparison below is the same on every run.
function boxes(seed: number, count: number, spread: number): Box[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, () => ({ x: next() * spread - spread / 2, y: next() * spread - spread / 2, width: 5 + next() * 400, height: 5 + next() * 120 }));
}

describe('BoxGrid', () => {
  it('answers what lies under a box as testing every box would, for boxes spanning many cells and negative coordinates', () => {
    const filed = boxes(7, 300, 3000);
    const grid = new BoxGrid(100);
    for (const b of filed) grid.add(b);
    expect(grid.size).toBe(300);
    for (const q of boxes(11, 200, 3200)) {
      const all = filed.reduce((sum, b) => sum + overlapArea(q, b), 0);
      expect(grid.covered(q)).toBeCloseTo(all, 6);
    }
  });

  it('counts a box that spans several cells the query meets once', () => {
    const grid = new BoxGrid(10);
    grid.add({ x: 0, y: 0, width: 100, height: 100 });
    expect(grid.covered({ x: 5, y: 5, width: 50, height: 50 })).toBe(2500);
  });

  it('finds nothing under a box that only touches, or lies far from, the filed ones', () => {
    const grid = new BoxGrid();
    grid.add({ x: 0, y: 0, width: 10, height: 10 });
    expect(grid.covered({ x: 10, y: 0, width: 10, height: 10 })).toBe(0);
    expect(grid.covered({ x: 5000, y: 5000, width: 10, height: 10 })).toBe(0);
  });
});
