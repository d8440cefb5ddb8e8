/** A rectangle in flow coordinates, from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Side of a grid cell in flow units: about a label's width, so a label's box meets a handful of cells. */
const defaultCell = 160;

/** How much of two boxes lies on both (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Boxes filed in a uniform grid, so asking what lies under a box tests only the boxes in the cells it
 * meets instead of every box (a large network has thousands of nodes and labels).
 */
export class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: Box[] = [];
  private seen: Uint32Array = new Uint32Array(64);
  private query = 0;

  constructor(private readonly cell = defaultCell) {}

  get size(): number {
    return this.boxes.length;
  }

  private key(cx: number, cy: number): number {
    return (cx + 0x8000) * 0x10000 + (cy + 0x8000);
  }

  private span(box: Box): [number, number, number, number] {
    return [Math.floor(box.x / this.cell), Math.floor(box.y / this.cell), Math.floor((box.x + box.width) / this.cell), Math.floor((box.y + box.height) / this.cell)];
  }

  add(box: Box): void {
    const index = this.boxes.push(box) - 1;
    const [x0, y0, x1, y1] = this.span(box);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(index);
        else this.cells.set(k, [index]);
      }
  }

  /** How much of `box` the filed boxes cover, summed over them (each counted once, 0 when they only touch). */
  covered(box: Box): number {
    if (this.seen.length < this.boxes.length) this.seen = new Uint32Array(this.boxes.length * 2);
    const stamp = ++this.query;
    const [x0, y0, x1, y1] = this.span(box);
    let sum = 0;
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          sum += overlapArea(box, this.boxes[i]!);
        }
      }
    return sum;
  }
}
