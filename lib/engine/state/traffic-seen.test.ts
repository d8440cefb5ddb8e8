import { describe, expect, it } from 'vitest';
import type { BindingReport } from '../model/report';
import { stampLastSeen } from './traffic-seen';

const report = (id: string, connections: number) =>
  ({ id, traffic: { connections, toTarget: { packets: 0, bytes: 0 }, fromTarget: { packets: 0, bytes: 0 } } }) as BindingReport;

describe('last connection seen', () => {
  it('is stamped when the connection count rose, kept while it stays, dropped when the counter was reset', () => {
    const first = stampLastSeen([report('web', 3), report('idle', 0)], {}, 't1');
    expect(first.bindings.map((b) => b.traffic?.lastConnectionSeen)).toEqual(['t1', undefined]);
    const same = stampLastSeen([report('web', 3)], first.after, 't2');
    expect(same.bindings[0].traffic?.lastConnectionSeen).toBe('t1');
    const more = stampLastSeen([report('web', 5)], same.after, 't3');
    expect(more.bindings[0].traffic?.lastConnectionSeen).toBe('t3');
    const reset = stampLastSeen([report('web', 0)], more.after, 't4');
    expect(reset.bindings[0].traffic?.lastConnectionSeen).toBeUndefined();
  });
});
