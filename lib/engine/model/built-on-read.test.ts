import { describe, expect, it } from 'vitest';
import { builtOnRead } from './built-on-read';

describe('a list built on read', () => {
  it('reads as an array everywhere, building each item when read and keeping none', () => {
    let built = 0;
    const list = builtOnRead(3, (i) => {
      built++;
      return { n: i * 10 };
    });
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(3);
    expect(JSON.stringify(list)).toBe('[{"n":0},{"n":10},{"n":20}]');
    expect(list.map((x) => x.n)).toEqual([0, 10, 20]);
    expect(list.filter((x) => x.n > 0)).toEqual([{ n: 10 }, { n: 20 }]);
    expect([...list].map((x) => x.n)).toEqual([0, 10, 20]);
    expect(Object.values(list)).toEqual([{ n: 0 }, { n: 10 }, { n: 20 }]);
    expect(list[3]).toBeUndefined();
    const before = built;
    expect(list[1]).not.toBe(list[1]);
    expect(built).toBe(before + 2);
  });
});
