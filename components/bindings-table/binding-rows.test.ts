import { describe, expect, it } from 'vitest';
import { exportWeb, importH3, routeH3, seedTopology } from '@/components/graph/topology.fixture';
import type { Topology } from '@/lib/console/topology';
import { bindingRows } from './binding-rows';
import { withForeign } from './foreign.fixture';

describe('binding rows', () => {
  it('lists every binding with host, id, kind, front, target, kernel state and traffic', () => {
    const drifted = { ...importH3, state: 'drifted' as const, counters: { packets: 7, bytes: 420 } };
    const rows = bindingRows(seedTopology([drifted], [routeH3, { ...exportWeb, traffic: { connections: 3, toTarget: { packets: 9, bytes: 900 }, fromTarget: { packets: 8, bytes: 800 } } }]));
    expect(rows.map((r) => [r.host, r.id, r.kind, r.front, r.target, r.state, r.traffic, r.trafficUnit])).toEqual([
      ['host1', 'h3', 'import', '10.2.1.3 · tcp · 3322', '192.168.1.3:2211', 'drifted', 7, 'packets'],
      ['host2', 'route-h3', 'export', 'eth0 · tcp · 4433', '10.2.1.3:3322', 'active', 0, 'packets'],
      ['host2', 'web', 'export', 'eth0 · tcp · 2211', 'a1:4422', 'active', 3, 'connections'],
    ]);
    expect(rows[2].key).toEqual({ kind: 'binding', host: 'host2', id: 'web' });
    expect(rows[2].keyText).toBe('binding:host2/web');
  });

  it('lists foreign DNAT rules as rows of kind foreign, keyed by host and ref, with where they send', () => {
    const rows = bindingRows(withForeign()).filter((r) => r.kind === 'foreign');
    expect(rows.map((r) => [r.host, r.id, r.front, r.target, r.state, r.port])).toEqual([
      ['host1', 'f-0a1b2c3d', '10.2.1.3 · tcp · 5555', '192.168.1.3:2211', null, 5555],
      ['host1', 'f-99887766', '!docker0 · tcp · 8080', '172.17.0.2:80', null, 8080],
    ]);
    expect(rows[0].key).toEqual({ kind: 'foreign', host: 'host1', ref: 'f-0a1b2c3d' });
    expect(rows[0].keyText).toBe('foreign:host1/f-0a1b2c3d');
  });

  it('keeps the last-known bindings of an unreachable host, and lists nothing for a host never seen', () => {
    const t = seedTopology([importH3], [exportWeb]);
    const [host1] = t.hosts;
    const gone: Topology = { ...t, hosts: [{ name: 'host1', transport: 'sim', reachable: false, error: 'down', status: host1.status }, { name: 'host2', transport: 'sim', reachable: false, error: 'never answered' }] };
    expect(bindingRows(gone).map((r) => r.keyText)).toEqual(['binding:host1/h3']);
  });

  it('a foreign rule without an adoptable binding still shows its nft DNAT target', () => {
    const t = withForeign();
    const host1 = t.hosts[0];
    const nft = { ref: 'f-11112222', table: 'nft ip other', chain: 'pre', rule: 'tcp dport 7000 dnat ip to 10.9.9.9:70', adoptAs: null, reason: 'another table' };
    const rows = bindingRows({ ...t, hosts: [{ ...host1, status: { ...host1.status!, foreign: [nft] } }] as Topology['hosts'] });
    expect(rows.find((r) => r.id === 'f-11112222')).toMatchObject({ target: '10.9.9.9:70', front: 'any address · any · any port', port: null });
  });
});
