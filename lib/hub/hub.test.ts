import { describe, expect, it } from 'vitest';
import type { StatusReport } from '@/lib/engine/model/report';
import { exportReport, statusReport } from '@/lib/engine/model/report.fixture';
import { Hub } from './hub';
import type { HostRecord } from './host-record';
import { hostView } from './host-view';

const status = (host: string, ids: string[], packets = 0): StatusReport =>
  statusReport(
    host,
    ids.map((id) => exportReport(id, { counters: { packets, bytes: packets * 60 } })),
    { facts: { hostname: host, ipForward: true, weave: false, interfaces: [{ name: 'eth0', up: true, addresses: ['192.168.1.2/24'] }] } },
  );

const hosts = [
  { name: 'host1', transport: 'sim' as const },
  { name: 'host2', transport: 'sim' as const },
];

function recorded(hub: Hub): HostRecord[] {
  const seen: HostRecord[] = [];
  hub.subscribe((r) => seen.push(r));
  return seen;
}

describe('the hub', () => {
  it('starts with every inventory host waiting for its first answer', () => {
    const hub = new Hub(hosts);
    expect(hub.version).toBe(0);
    expect(hub.hosts().map((r) => [r.name, r.freshness, r.status])).toEqual([
      ['host1', 'stale', null],
      ['host2', 'stale', null],
    ]);
    expect(hostView(hub.host('host1')!)).toMatchObject({ reachable: false, connecting: true });
  });

  it('takes a pushed status as fresh, and sends a delta only for the host that changed', () => {
    const hub = new Hub(hosts);
    const deltas = recorded(hub);
    hub.observeStatus('host2', status('host2', ['web']), '2026-01-01T00:00:01.000Z');
    expect(deltas.map((r) => [r.name, r.freshness, r.seq])).toEqual([['host2', 'fresh', 1]]);
    expect(hostView(hub.host('host2')!)).toMatchObject({ reachable: true, seenAt: '2026-01-01T00:00:01.000Z' });
    expect(hostView(hub.host('host2')!)).not.toHaveProperty('stale');
    // The same status again is no change; new counters are.
    hub.observeStatus('host2', status('host2', ['web']), '2026-01-01T00:00:02.000Z');
    expect(deltas).toHaveLength(1);
    hub.observeStatus('host2', status('host2', ['web'], 5), '2026-01-01T00:00:03.000Z');
    expect(deltas.map((r) => r.seq)).toEqual([1, 2]);
    expect(hub.host('host2')!.status!.bindings[0].counters.packets).toBe(5);
    // Unknown hosts are not invented.
    hub.observeStatus('host9', status('host9', []));
    expect(hub.hosts()).toHaveLength(2);
  });

  it('sends pages bindings without their rules, which the hub keeps', () => {
    const hub = new Hub(hosts);
    const s = status('host2', ['web']);
    s.bindings[0].rules = ['-A SWITCHYARD-PRE -i eth0 -p tcp --dport 2211 -j SWITCHYARD-B-1'];
    hub.observeStatus('host2', s);
    expect(hostView(hub.host('host2')!).status?.bindings[0]).toMatchObject({ id: 'web', rules: [] });
    expect(hub.host('host2')!.status!.bindings[0].rules).toHaveLength(1);
  });

  it('answers a browser holding version N with only the records changed after N', () => {
    const hub = new Hub(hosts);
    hub.observeStatus('host1', status('host1', []));
    const v = hub.version;
    hub.observeStatus('host2', status('host2', ['web']));
    expect(hub.changedSince(v).map((r) => r.name)).toEqual(['host2']);
    expect(hub.changedSince(0).map((r) => r.name)).toEqual(['host1', 'host2']);
    expect(hub.changedSince(hub.version)).toEqual([]);
  });

  it('keeps a host whose session went down with its last-known bindings, the reason, and when it was last seen', () => {
    const hub = new Hub(hosts);
    hub.observeStatus('host1', status('host1', ['h3']), '2026-01-01T00:00:00.000Z');
    hub.observeSession('host1', { up: false, reason: 'ssh: connect to host 10.0.0.1 port 22: Connection refused', at: '2026-01-01T00:02:00.000Z' });
    const view = hostView(hub.host('host1')!);
    expect(view).toMatchObject({ reachable: false, error: 'ssh: connect to host 10.0.0.1 port 22: Connection refused', seenAt: '2026-01-01T00:02:00.000Z' });
    expect(view.status?.bindings.map((b) => b.id)).toEqual(['h3']);
    // A second failed restart with the same reason is no news, nor does it move "last seen".
    const v = hub.version;
    hub.observeSession('host1', { up: false, reason: 'ssh: connect to host 10.0.0.1 port 22: Connection refused', at: '2026-01-01T00:03:00.000Z' });
    expect(hub.version).toBe(v);
    hub.observeSession('host1', { up: false, reason: 'no route to host', at: '2026-01-01T00:04:00.000Z' });
    expect(hub.host('host1')).toMatchObject({ freshness: 'down', reason: 'no route to host', seenAt: '2026-01-01T00:02:00.000Z' });
  });

  it('redraws a host that came back only from fresh state: stale when the session is up, fresh at its first status', () => {
    const hub = new Hub(hosts);
    hub.observeStatus('host1', status('host1', ['h3']));
    hub.observeSession('host1', { up: false, reason: 'gone', at: '2026-01-01T00:01:00.000Z' });
    hub.observeSession('host1', { up: true, at: '2026-01-01T00:05:00.000Z' });
    expect(hub.host('host1')).toMatchObject({ freshness: 'stale', seenAt: '2026-01-01T00:05:00.000Z' });
    expect(hostView(hub.host('host1')!)).toMatchObject({ reachable: true, stale: true });
    hub.observeStatus('host1', status('host1', ['h3', 'h4']), '2026-01-01T00:05:01.000Z');
    expect(hostView(hub.host('host1')!)).toMatchObject({ reachable: true, seenAt: '2026-01-01T00:05:01.000Z' });
    expect(hub.host('host1')!.status!.bindings.map((b) => b.id)).toEqual(['h3', 'h4']);
  });

  it('draws the persisted network at once after a restart, stale until each host reports', () => {
    const kept = [{ name: 'host2', status: status('host2', ['web']), seenAt: '2026-01-01T00:00:00.000Z' }];
    const hub = new Hub(hosts, kept);
    expect(hostView(hub.host('host2')!)).toMatchObject({ reachable: true, stale: true, seenAt: '2026-01-01T00:00:00.000Z' });
    expect(hostView(hub.host('host1')!)).toMatchObject({ reachable: false, connecting: true });
    // A host that never comes back keeps the persisted picture, and when it was really last seen.
    hub.observeSession('host2', { up: false, reason: 'timed out', at: '2026-01-02T00:00:00.000Z' });
    expect(hostView(hub.host('host2')!)).toMatchObject({ reachable: false, error: 'timed out', seenAt: '2026-01-01T00:00:00.000Z' });
  });

  it('hands the store each changed last-known status once', () => {
    const hub = new Hub(hosts);
    hub.observeStatus('host1', status('host1', []), '2026-01-01T00:00:00.000Z');
    hub.observeStatus('host2', status('host2', ['web']), '2026-01-01T00:00:00.000Z');
    hub.observeStatus('host2', status('host2', ['web'], 3), '2026-01-01T00:00:01.000Z');
    const saved = hub.takeUnsaved();
    expect(saved.map((s) => [s.name, s.seenAt, s.status.bindings.length])).toEqual([
      ['host1', '2026-01-01T00:00:00.000Z', 0],
      ['host2', '2026-01-01T00:00:01.000Z', 1],
    ]);
    expect(hub.takeUnsaved()).toEqual([]);
    // Going down moves "last seen" to now: that is kept too.
    hub.observeSession('host1', { up: false, reason: 'gone', at: '2026-01-01T00:09:00.000Z' });
    expect(hub.takeUnsaved().map((s) => [s.name, s.seenAt])).toEqual([['host1', '2026-01-01T00:09:00.000Z']]);
  });
});
