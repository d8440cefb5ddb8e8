import { labelCandidates, type LabelRequest } from './label-placement';

/** An edge label as its edge describes it: its curve, its fallback centre, whether it stays shown when zoomed out, and its drawn size (0 while hidden). */
export interface LabelAsk {
  id: string;
  path: string;
  x: number;
  y: number;
  /** Selected or lit: shown at every zoom. */
  kept: boolean;
  width: number;
  height: number;
}

const candidates = new WeakMap<LabelAsk, LabelRequest>();

/**
 * The labels worth placing: those drawn with a size, and, when labels are too small to read, only
 * the kept ones (the others are hidden, so placing them is wasted work). In id order, so the same
 * graph always gets the same places. A label's spots are worked out once per ask.
 */
export function labelsToPlace(asks: Iterable<LabelAsk>, readable: boolean): LabelRequest[] {
  const wanted: LabelRequest[] = [];
  for (const a of asks) {
    if (a.width <= 0 || a.height <= 0 || !(readable || a.kept)) continue;
    let r = candidates.get(a);
    if (!r) {
      r = { id: a.id, candidates: labelCandidates(a.path, { x: a.x, y: a.y }, a.height), width: a.width, height: a.height };
      candidates.set(a, r);
    }
    wanted.push(r);
  }
  return wanted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
