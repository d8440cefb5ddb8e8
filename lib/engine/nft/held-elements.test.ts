import { describe, expect, it } from 'vitest';
import { HeldElements } from './held-elements';

describe('HeldElements', () => {
  it('keeps owned elements past the first chunks of numbers and text, each read back as it was added', () => {
    const held = new HeldElements();
    const n = 20_000;
    const long = 'x'.repeat(300_000);
    for (let i = 0; i < n; i++) {
      held.add('export_fronts', { key: `"eth0" . tcp . ${i}`, value: i === 7 ? long : 'goto dnat-export-masq', comment: `switchyard:b-${i}`, counter: { packets: i, bytes: 2 ** 40 + i } });
      held.add('export_targets', { key: `"eth0" . tcp . ${i}`, value: `10.0.0.1 . ${i}`, comment: `switchyard:b-${i}` });
    }
    held.add('export_fronts', { key: 'foreign', value: 'accept', comment: 'someone else' });
    expect(held.count).toBe(2 * n);
    expect(held.owner(2 * 12_345 + 1)).toBe('b-12345');
    expect(held.element(2 * 7)).toEqual({ map: 'export_fronts', key: '"eth0" . tcp . 7', value: long, counter: { packets: 7, bytes: 2 ** 40 + 7 } });
    expect(held.element(2 * 19_999 + 1)).toEqual({ map: 'export_targets', key: '"eth0" . tcp . 19999', value: '10.0.0.1 . 19999' });
    expect(held.counterOf(2 * 19_999 + 1)).toBeUndefined();
    expect(held.mapOf(2 * 9_000)).toBe('export_fronts');
  });

  it('links each binding\'s elements in the order of the maps given, then as added', () => {
    const held = new HeldElements();
    held.add('export_targets', { key: 'k1', value: 't1', comment: 'switchyard:a' });
    held.add('export_fronts', { key: 'k1', value: 'f1', comment: 'switchyard:a' });
    held.add('export_fronts', { key: 'k2', value: 'f2', comment: 'switchyard:b' });
    held.add('export_fronts', { key: 'k3', value: 'f3', comment: 'switchyard:gone' });
    const { first, next } = held.byBinding(new Map([['a', 0], ['b', 1]]), ['export_fronts', 'export_targets']);
    const of = (b: number) => {
      const out: string[] = [];
      for (let e = first[b]; e >= 0; e = next[e]) out.push(held.element(e).value);
      return out;
    };
    expect(of(0)).toEqual(['f1', 't1']);
    expect(of(1)).toEqual(['f2']);
  });
});
