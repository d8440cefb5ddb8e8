import { describe, expect, it } from 'vitest';
import { stampLastSeen, type Observed } from './traffic-seen';

const stamp = (observed: Observed[], before: string, now: string) => {
  const r = stampLastSeen(observed.length, (i) => observed[i], JSON.parse(before), now);
  return { seen: r.seen, after: r.after };
};

describe('last connection seen', () => {
  it('is stamped when the connection count rose, kept while it stays, dropped when the counter was reset', () => {
    const first = stamp([{ id: 'web', connections: 3 }, { id: 'idle', connections: 0 }], '{}', 't1');
    expect(first.seen).toEqual(['t1', undefined]);
    const same = stamp([{ id: 'web', connections: 3 }], first.after, 't2');
    expect(same.seen).toEqual(['t1']);
    const more = stamp([{ id: 'web', connections: 5 }], same.after, 't3');
    expect(more.seen).toEqual(['t3']);
    const reset = stamp([{ id: 'web', connections: 0 }], more.after, 't4');
    expect(reset.seen).toEqual([undefined]);
  });

  it('keeps a record (JSON) of every binding whose traffic is known, and nothing of one whose is not', () => {
    const r = stamp([{ id: 'web', connections: 3 }, undefined, { id: 'idle', connections: 0 }], '{"gone":{"connections":9}}', 't1');
    expect(JSON.parse(r.after)).toEqual({ web: { connections: 3, seen: 't1' }, idle: { connections: 0 } });
    expect(r.seen).toEqual(['t1', undefined, undefined]);
  });

  it('reads an id named like an inherited property as never seen before', () => {
    const r = stamp([{ id: 'constructor', connections: 0 }, { id: 'toString', connections: 2 }], '{}', 't1');
    expect(r.seen).toEqual([undefined, 't1']);
    expect(JSON.parse(r.after)).toEqual({ constructor: { connections: 0 }, toString: { connections: 2, seen: 't1' } });
  });
});
