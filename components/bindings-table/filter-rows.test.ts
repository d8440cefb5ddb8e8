import { describe, expect, it } from 'vitest';
import { exportWeb, importH3, report, routeH3, seedTopology } from '@/components/graph/topology.fixture';
import { bindingRows } from './binding-rows';
import { withForeign } from './foreign.fixture';
import { filterRows, searchTerms } from './filter-rows';

const ids = (rows: readonly { host: string; id: string }[]) => rows.map((r) => `${r.host}/${r.id}`);

describe('search', () => {
  const drifted = report({ id: 'db', kind: 'import', state: 'drifted', front: { port: 5432, address: '10.2.1.3' }, target: { name: 'pg', address: '192.168.1.5', port: 5432 } });
  const rows = bindingRows(withForeign(seedTopology([importH3, drifted], [routeH3, exportWeb])));

  it('shows every row for an empty search', () => {
    expect(filterRows(rows, '')).toBe(rows);
    expect(filterRows(rows, '   ')).toBe(rows);
    expect(searchTerms('  Host3   DRIFTED ')).toEqual(['host3', 'drifted']);
  });

  it('finds by host, id, port, target, kind and kernel state, ignoring case', () => {
    expect(ids(filterRows(rows, 'host2'))).toEqual(['host2/route-h3', 'host2/web']);
    expect(ids(filterRows(rows, 'WEB'))).toEqual(['host2/web']);
    expect(ids(filterRows(rows, '4433'))).toEqual(['host2/route-h3']);
    expect(ids(filterRows(rows, 'a1:4422'))).toEqual(['host2/web']);
    expect(ids(filterRows(rows, 'import'))).toEqual(['host1/h3', 'host1/db']);
    expect(ids(filterRows(rows, 'drifted'))).toEqual(['host1/db']);
    expect(ids(filterRows(rows, 'foreign'))).toEqual(['host1/f-0a1b2c3d', 'host1/f-99887766']);
    expect(ids(filterRows(rows, 'eth0'))).toEqual(['host2/route-h3', 'host2/web']);
  });

  it('ANDs several terms', () => {
    expect(ids(filterRows(rows, 'host1 drifted'))).toEqual(['host1/db']);
    expect(ids(filterRows(rows, 'host2 drifted'))).toEqual([]);
    expect(ids(filterRows(rows, 'export 2211'))).toEqual(['host2/web']);
    expect(ids(filterRows(rows, 'foreign 5555'))).toEqual(['host1/f-0a1b2c3d']);
  });

  it('never matches a term across two fields', () => {
    // "host2" + "route" side by side would read "host2route" if the fields were simply joined.
    expect(filterRows(rows, 'host2route')).toEqual([]);
    expect(filterRows(rows, 'webexport')).toEqual([]);
  });
});
