import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './unchanged-elements';

interface TestEdge {
  id: string;
  source: string;
  target: string;
  selected?: boolean;
  data: { label: string; fan?: { index: number; count: number } };
}
const edge = (id: string, target: string, fan?: { index: number; count: number }): TestEdge => ({ id, source: 'a', target, data: { label: id, ...(fan ? { fan } : {}) } });

describe('keepUnchanged', () => {
  it('returns the previous list itself when every element equals its previous version', () => {
    const before = [edge('e1', 'b'), edge('e2', 'c', { index: 0, count: 2 })];
    const after = [edge('e1', 'b'), edge('e2', 'c', { index: 0, count: 2 })];
    expect(keepUnchanged(before, after)).toBe(before);
  });

  it('keeps the unchanged elements and takes the changed ones', () => {
    const before = [edge('e1', 'b'), edge('e2', 'c')];
    const after = [edge('e1', 'b'), edge('e2', 'd')];
    const kept = keepUnchanged(before, after);
    expect(kept).not.toBe(before);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
  });

  it('sees a change inside nested data', () => {
    const before = [edge('e1', 'b', { index: 0, count: 2 })];
    const after = [edge('e1', 'b', { index: 1, count: 2 })];
    expect(keepUnchanged(before, after)[0]).toBe(after[0]);
  });

  it('sees an added or removed field, an added element and a new order', () => {
    const before = [edge('e1', 'b'), edge('e2', 'c')];
    expect(keepUnchanged(before, [{ ...edge('e1', 'b'), selected: true }, edge('e2', 'c')])[0].selected).toBe(true);
    expect(keepUnchanged(before, [...before.map((e) => ({ ...e })), edge('e3', 'd')])).toHaveLength(3);
    const reordered = keepUnchanged(before, [edge('e2', 'c'), edge('e1', 'b')]);
    expect(reordered).not.toBe(before);
    expect(reordered.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(reordered[0]).toBe(before[1]);
  });

  it('copies the list on the first call', () => {
    const next = [edge('e1', 'b')];
    const kept = keepUnchanged(null, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(next);
  });
});
