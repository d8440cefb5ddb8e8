import { describe, expect, it } from 'vitest';
import { snapshotFrame, snapshotOutdated, snapshotSharpness } from './overview-snapshot';

describe('snapshotFrame', () => {
  it('covers the lines and half the widest stroke, at twice the settled zoom', () => {
    const f = snapshotFrame({ x: 10.5, y: -20, width: 1000, height: 500 }, 0.5, 9)!;
    expect(f.x).toBeLessThanOrEqual(10.5 - 4.5);
    expect(f.y).toBeLessThanOrEqual(-20 - 4.5);
    expect(f.x + f.width).toBeGreaterThanOrEqual(1010.5 + 4.5);
    expect(f.y + f.height).toBeGreaterThanOrEqual(480 + 4.5);
    expect(f.scale).toBe(0.5 * snapshotSharpness);
    expect(f.pixelWidth).toBe(Math.round(f.width * f.scale));
    expect(f.pixelHeight).toBe(Math.round(f.height * f.scale));
  });

  it('keeps a large network zoomed in within the bitmap limits', () => {
    const limits = { maxSide: 4096, maxPixels: 8_000_000 };
    const wide = snapshotFrame({ x: 0, y: 0, width: 40_000, height: 2_000 }, 1, 2, limits)!;
    expect(wide.pixelWidth).toBeLessThanOrEqual(4096);
    const square = snapshotFrame({ x: 0, y: 0, width: 20_000, height: 20_000 }, 1, 2, limits)!;
    expect(square.pixelWidth * square.pixelHeight).toBeLessThanOrEqual(8_000_000 * 1.001);
    expect(square.scale).toBeLessThan(1);
  });

  it('has nothing to draw without lines or zoom', () => {
    expect(snapshotFrame({ x: 0, y: 0, width: Number.NaN, height: 10 }, 1, 2)).toBeNull();
    expect(snapshotFrame({ x: 0, y: 0, width: 10, height: 10 }, 0, 2)).toBeNull();
  });
});

describe('snapshotOutdated', () => {
  const lines = { x: 0, y: 0, width: 3000, height: 2000 };
  const taken = snapshotFrame(lines, 0.2, 2)!;

  it('keeps a snapshot for a settle at about the same zoom', () => {
    expect(snapshotOutdated(taken, snapshotFrame(lines, 0.3, 2)!)).toBe(false);
  });

  it('takes it again when the zoom doubled or halved, or the lines moved', () => {
    expect(snapshotOutdated(taken, snapshotFrame(lines, 0.4, 2)!)).toBe(true);
    expect(snapshotOutdated(taken, snapshotFrame(lines, 0.1, 2)!)).toBe(true);
    expect(snapshotOutdated(taken, snapshotFrame({ ...lines, width: 3100 }, 0.2, 2)!)).toBe(true);
  });
});
