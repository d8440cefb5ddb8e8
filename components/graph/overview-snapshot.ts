/** A rectangle in flow coordinates. */
export interface FlowBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the overview's bitmap sits in flow coordinates, and how many of its pixels make one flow unit. */
export interface SnapshotFrame extends FlowBox {
  scale: number;
  pixelWidth: number;
  pixelHeight: number;
}

/** The bitmap's bounds: at most this many pixels on a side, and in all (a 4096² bitmap is 64 MB). */
export const snapshotLimits = { maxSide: 4096, maxPixels: 8_000_000 };

/**
 * How many bitmap pixels per screen pixel at the zoom the view settled at: a gesture zooms in from
 * there, and the bitmap is only what is shown while it lasts (the lines are drawn sharp again once settled).
 */
export const snapshotSharpness = 2;

/**
 * The frame of the overview's bitmap snapshot: the lines' bounds grown by half the widest stroke, at
 * `snapshotSharpness` pixels per screen pixel of `zoom`, fewer when that would pass `snapshotLimits`.
 * Null when there is nothing to draw.
 */
export function snapshotFrame(lines: FlowBox, zoom: number, widestStroke: number, limits = snapshotLimits): SnapshotFrame | null {
  if (!(lines.width >= 0 && lines.height >= 0) || !(zoom > 0)) return null;
  const pad = Math.ceil(widestStroke / 2) + 1;
  const x = Math.floor(lines.x - pad);
  const y = Math.floor(lines.y - pad);
  const width = Math.ceil(lines.x + lines.width + pad) - x;
  const height = Math.ceil(lines.y + lines.height + pad) - y;
  const scale = Math.min(zoom * snapshotSharpness, limits.maxSide / Math.max(width, height), Math.sqrt(limits.maxPixels / (width * height)));
  return { x, y, width, height, scale, pixelWidth: Math.max(1, Math.round(width * scale)), pixelHeight: Math.max(1, Math.round(height * scale)) };
}

/**
 * Whether a snapshot taken at `taken` pixels per flow unit should be taken again for a view settled
 * at `zoom`: only when the sharpness it would now have is twice or half what it had (a settle at about
 * the same zoom keeps the bitmap; each one redraws a thousand paths on the main thread).
 */
export function snapshotOutdated(taken: SnapshotFrame, wanted: SnapshotFrame): boolean {
  if (taken.x !== wanted.x || taken.y !== wanted.y || taken.width !== wanted.width || taken.height !== wanted.height) return true;
  const ratio = wanted.scale / taken.scale;
  return ratio >= 2 || ratio <= 0.5;
}
