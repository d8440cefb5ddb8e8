import { describe, expect, it } from 'vitest';
import { report, seedTopology } from '@/components/graph/topology.fixture';
import { bindingRows } from './binding-rows';
import { withForeign } from './foreign.fixture';
import { defaultSort, nextSort, sortRows } from './sort-rows';

const exp = (id: string, port: number, target: string, state: 'active' | 'drifted' | 'missing' = 'active', packets = 0) =>
  report({ id, kind: 'export', state, counters: { packets, bytes: 0 }, front: { port, iface: 'eth0' }, target: { name: target, address: '10.2.1.1', port: 80 } });

describe('sorting the table', () => {
  const rows = bindingRows(withForeign(seedTopology([exp('web-10', 10, 'b', 'missing', 5), exp('web-9', 9, 'c', 'active', 50)], [exp('api', 2000, 'a', 'drifted', 1)])));
  const order = (column: Parameters<typeof nextSort>[1], direction: 'ascending' | 'descending' = 'ascending') => sortRows(rows, { column, direction }).map((r) => r.id);

  it('opens by host, then id, with numbers in names compared as numbers', () => {
    expect(sortRows(rows, defaultSort).map((r) => `${r.host}/${r.id}`)).toEqual(['host1/f-0a1b2c3d', 'host1/f-99887766', 'host1/web-9', 'host1/web-10', 'host2/api']);
  });

  it('sorts by each column, both ways; ties by host and id', () => {
    expect(order('front')).toEqual(['web-9', 'web-10', 'api', 'f-0a1b2c3d', 'f-99887766']);
    expect(order('state')).toEqual(['web-9', 'api', 'web-10', 'f-0a1b2c3d', 'f-99887766']);
    // Rows without a value (foreign rules count no traffic) go last in both directions.
    expect(order('traffic', 'descending')).toEqual(['web-9', 'web-10', 'api', 'f-0a1b2c3d', 'f-99887766']);
    expect(order('traffic')).toEqual(['api', 'web-10', 'web-9', 'f-0a1b2c3d', 'f-99887766']);
    expect(order('kind')).toEqual(['web-9', 'web-10', 'api', 'f-0a1b2c3d', 'f-99887766']);
    expect(order('target')).toEqual(['f-99887766', 'f-0a1b2c3d', 'api', 'web-10', 'web-9']);
    expect(order('host', 'descending')).toEqual(['api', 'f-0a1b2c3d', 'f-99887766', 'web-9', 'web-10']);
  });

  it('a header click sorts by its column ascending, a second click turns it', () => {
    const byId = nextSort(defaultSort, 'id');
    expect(byId).toEqual({ column: 'id', direction: 'ascending' });
    expect(nextSort(byId, 'id')).toEqual({ column: 'id', direction: 'descending' });
    expect(nextSort(nextSort(byId, 'id'), 'id')).toEqual({ column: 'id', direction: 'ascending' });
  });
});
