import { describe, expect, it } from 'vitest';
import { exportWeb, importH3, report, seedTopology } from '@/components/graph/topology.fixture';
import { changedAnything, inverseOf, recreationOf } from './change-inverse';

describe('the inverse of a change', () => {
  it('rebinds a rebind back, at the revision the change left', () => {
    const moved = report({ ...importH3, target: { name: '192.168.4.4', address: '192.168.4.4', port: 2211 }, revision: 2 });
    const after = seedTopology([moved]).hosts;
    expect(inverseOf({ kind: 'rebind', host: 'host1', id: 'h3', from: '192.168.1.3:2211', to: '192.168.4.4:2211' }, after)).toEqual({
      ok: true,
      inverse: { action: 'rebind', host: 'host1', id: 'h3', target: '192.168.1.3:2211', revision: 2 },
      label: 'Rebound h3 on host1: 192.168.1.3:2211 → 192.168.4.4:2211',
    });
  });

  it('removes a creation, at the revision it was created with', () => {
    const after = seedTopology().hosts;
    expect(inverseOf({ kind: 'create', host: 'host2', id: 'web' }, after)).toMatchObject({ ok: true, inverse: { action: 'remove', host: 'host2', id: 'web', revision: 1 } });
  });

  it('re-creates a removal with the same spec: front, protocol, target by name, masquerade', () => {
    const udp = report({ id: 'dns', kind: 'export', proto: 'udp', masquerade: false, front: { port: 53 }, target: { name: 'a1', address: '10.2.1.1', port: 5353 } });
    expect(inverseOf({ kind: 'remove', host: 'host2', binding: udp }, [])).toMatchObject({
      ok: true,
      inverse: { action: 'create', host: 'host2', id: 'dns', kind: 'export', iface: '', port: 53, proto: 'udp', target: 'a1:5353', masquerade: false },
    });
    expect(recreationOf('host1', importH3)).toEqual({ action: 'create', host: 'host1', id: 'h3', kind: 'import', address: '10.2.1.3', port: 3322, proto: 'tcp', target: '192.168.1.3:2211', masquerade: true });
    expect(recreationOf('host2', exportWeb)).toMatchObject({ iface: 'eth0', target: 'a1:4422' });
  });

  it('re-creates a removed route import first, then its export, as one change', () => {
    const routeH3 = report({ id: 'route-h3', kind: 'export', front: { iface: 'eth0', port: 4433 }, target: { name: '10.2.1.3', address: '10.2.1.3', port: 3322 } });
    const undo = inverseOf({ kind: 'remove-route', removed: [{ host: 'host2', binding: routeH3 }, { host: 'host1', binding: importH3 }] }, []);
    expect(undo).toEqual({
      ok: true,
      inverse: { action: 'create-all', host: 'host1', id: 'h3', bindings: [recreationOf('host1', importH3), recreationOf('host2', routeH3)] },
      label: 'Removed route-h3 from host2 and h3 from host1',
    });
  });

  it('removes a created route export first, then its import, each at the revision the creation left', () => {
    const routeH3 = report({ id: 'h3-route', kind: 'export', front: { iface: 'eth0', port: 4433 }, target: { name: '10.2.1.3', address: '10.2.1.3', port: 3322 }, revision: 1 });
    const routeIn = report({ ...importH3, id: 'h3-route-in', revision: 2 });
    const after = seedTopology([routeIn], [routeH3]).hosts;
    expect(inverseOf({ kind: 'create-route', created: [{ host: 'host1', id: 'h3-route-in' }, { host: 'host2', id: 'h3-route' }] }, after)).toEqual({
      ok: true,
      inverse: [
        { action: 'remove', host: 'host2', id: 'h3-route', revision: 1 },
        { action: 'remove', host: 'host1', id: 'h3-route-in', revision: 2 },
      ],
      label: 'Created h3-route-in on host1 and h3-route on host2',
    });
    // A half the hosts did not report cannot be removed by an undo: none is offered.
    expect(inverseOf({ kind: 'create-route', created: [{ host: 'host1', id: 'h3-route-in' }, { host: 'host2', id: 'gone' }] }, after)).toEqual({ ok: false, reason: 'host2 did not report gone after the change' });
  });

  it('after a half-done route removal, re-creates only the half that went, and offers that much', () => {
    const routeH3 = report({ id: 'h3-route', kind: 'export', front: { iface: 'eth0', port: 4433 }, target: { name: '10.2.1.3', address: '10.2.1.3', port: 3322 } });
    const half = { kind: 'remove-route' as const, removed: [{ host: 'host2', binding: routeH3 }] };
    expect(inverseOf(half, [])).toEqual({ ok: true, inverse: recreationOf('host2', routeH3), label: 'Removed h3-route from host2' });
    expect(changedAnything(half, false)).toBe(true);
    expect(changedAnything({ kind: 'remove-route', removed: [] }, false)).toBe(false);
    expect(changedAnything({ kind: 'create', host: 'host2', id: 'web' }, false)).toBe(false);
    expect(changedAnything({ kind: 'create', host: 'host2', id: 'web' }, true)).toBe(true);
  });

  it('offers nothing when the host did not report the changed binding', () => {
    expect(inverseOf({ kind: 'create', host: 'host2', id: 'gone' }, seedTopology().hosts)).toEqual({ ok: false, reason: 'host2 did not report gone after the change' });
    expect(inverseOf({ kind: 'rebind', host: 'host9', id: 'h3', from: 'a:1', to: 'b:2' }, seedTopology().hosts).ok).toBe(false);
  });
});
