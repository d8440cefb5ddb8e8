// Where edge labels go: each label slides along its own edge to the first spot that covers no node
// header and no label placed before it. Pure: edges and nodes come in as points and boxes.

import { BoxGrid, type Box } from './box-grid';

export { overlapArea, type Box } from './box-grid';

export interface Point {
  x: number;
  y: number;
}

/** A label to place: the spots it may take (centres, best first) and its size. */
export interface LabelRequest {
  id: string;
  candidates: readonly Point[];
  width: number;
  height: number;
}

/** Room kept between a label and what it must not touch. */
const margin = 3;

/** Where along its edge a label may sit, best first: the middle, then outwards to both ends. */
export const pathStops = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82] as const;

/** A cubic Bézier's four points. */
export type Cubic = [Point, Point, Point, Point];

/** The cubic of an edge path `M x,y C x,y x,y x,y` (what React Flow's bezier and the fanned path draw), or null for any other path. */
export function cubicOf(path: string): Cubic | null {
  const n = path.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi)?.map(Number);
  if (!/^\s*M/.test(path) || !/C/.test(path) || !n || n.length !== 8) return null;
  return [
    { x: n[0]!, y: n[1]! },
    { x: n[2]!, y: n[3]! },
    { x: n[4]!, y: n[5]! },
    { x: n[6]!, y: n[7]! },
  ];
}

/** The point at `t` (0…1) on a cubic. */
export function pointOn([p0, p1, p2, p3]: Cubic, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/**
 * The spots a label of `height` may take on an edge drawn as `path`: the path's stops, then the same
 * stops just above and just below the line. A path that is not one cubic keeps only `fallback`.
 */
export function labelCandidates(path: string, fallback: Point, height: number): Point[] {
  const cubic = cubicOf(path);
  if (!cubic) return [fallback];
  const on = pathStops.map((t) => pointOn(cubic, t));
  const shift = height + margin;
  return [...on, ...on.map((p) => ({ x: p.x, y: p.y - shift })), ...on.map((p) => ({ x: p.x, y: p.y + shift }))];
}

const boxAt = (p: Point, r: LabelRequest): Box => ({ x: p.x - r.width / 2 - margin, y: p.y - r.height / 2 - margin, width: r.width + 2 * margin, height: r.height + 2 * margin });

/**
 * Place every label, in the order given: each takes its first spot that overlaps no obstacle and no
 * label placed before it; a label with no free spot takes the one it overlaps least.
 * Obstacles and placed labels are filed in a grid, so each spot is tested only against what lies near it.
 * Returns each label's centre.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[]): Map<string, Point> {
  const placed = new Map<string, Point>();
  const grid = new BoxGrid();
  for (const o of obstacles) grid.add(o);
  for (const r of requests) {
    if (r.candidates.length === 0) continue;
    let best = r.candidates[0]!;
    let bestCover = Infinity;
    for (const c of r.candidates) {
      const cover = grid.covered(boxAt(c, r));
      if (cover < bestCover) {
        best = c;
        bestCover = cover;
      }
      if (cover === 0) break;
    }
    placed.set(r.id, best);
    grid.add({ x: best.x - r.width / 2, y: best.y - r.height / 2, width: r.width, height: r.height });
  }
  return placed;
}
