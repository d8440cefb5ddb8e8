import { describe, expect, it } from 'vitest';
import { labelsToPlace, type LabelAsk } from './labels-to-place';

const straight = 'M0,0 C133.33,0 266.67,0 400,0';
const ask = (id: string, more: Partial<LabelAsk> = {}): LabelAsk => ({ id, path: straight, x: 200, y: 0, kept: false, width: 120, height: 22, ...more });

describe('labelsToPlace', () => {
  it('places every measured label when labels are readable, in id order', () => {
    const wanted = labelsToPlace([ask('b'), ask('a'), ask('c', { width: 0, height: 0 })], true);
    expect(wanted.map((r) => r.id)).toEqual(['a', 'b']);
    expect(wanted[0]!.candidates[0]!.x).toBeCloseTo(200);
    expect(wanted[0]).toMatchObject({ width: 120, height: 22 });
  });

  it('zoomed out places only the kept (selected or lit) labels, and none when none is kept', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ask(`b${i}`));
    expect(labelsToPlace(many, false)).toEqual([]);
    expect(labelsToPlace([...many, ask('lit', { kept: true })], false).map((r) => r.id)).toEqual(['lit']);
  });

  it('works out a label’s spots once per ask', () => {
    const a = ask('a');
    expect(labelsToPlace([a], true)[0]).toBe(labelsToPlace([a], true)[0]);
    expect(labelsToPlace([{ ...a, path: 'M0,50 C133.33,50 266.67,50 400,50' }], true)[0]!.candidates[0]!.y).toBeCloseTo(50, 0);
  });
});
