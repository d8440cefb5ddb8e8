import { describe, expect, it } from 'vitest';
import type { BindingReport, ProbeResult, StatusReport } from '@/lib/engine/model/report';
import { exportReport, statusReport } from '@/lib/engine/model/report.fixture';
import type { HostView } from '../topology';
import { networkSamples, type ProbedHostView } from './network-samples';

const now = Date.parse('2026-01-01T00:10:00.000Z');

function binding(id: string, over: Partial<BindingReport> = {}): BindingReport {
  return exportReport(id, {
    counters: { packets: 5, bytes: 300 },
    traffic: { connections: 5, toTarget: { packets: 30, bytes: 2_000 }, fromTarget: { packets: 25, bytes: 9_000 } },
    ...over,
  });
}

const up = (name: string, bindings: BindingReport[], over: Partial<ProbedHostView> = {}): ProbedHostView =>
  ({ name, transport: 'sim', reachable: true, status: statusReport(name, bindings), seenAt: '2026-01-01T00:00:00.000Z', ...over }) as ProbedHostView;

const down = (name: string, seenAt?: string): HostView => ({
  name,
  transport: 'ssh',
  reachable: false,
  error: 'connection refused',
  status: statusReport(name, [binding('old')]),
  ...(seenAt ? { seenAt } : {}),
});

const values = (samples: { labels: Record<string, string>; value: number }[]) => samples.map((s) => [s.labels, s.value]);

describe('the hub as metric samples', () => {
  it('gives each binding its connections, and packets and bytes in both directions, labelled host, binding and kind', () => {
    const s = networkSamples([up('host2', [binding('web'), binding('nc', { kind: 'import', traffic: { connections: 2, toTarget: { packets: 4, bytes: 100 }, fromTarget: { packets: 3, bytes: 700 } } })])], now);
    expect(values(s.bindingConnections)).toEqual([
      [{ host: 'host2', binding: 'web', kind: 'export' }, 5],
      [{ host: 'host2', binding: 'nc', kind: 'import' }, 2],
    ]);
    expect(values(s.bindingBytes)).toEqual([
      [{ host: 'host2', binding: 'web', kind: 'export', direction: 'to_target' }, 2_000],
      [{ host: 'host2', binding: 'web', kind: 'export', direction: 'from_target' }, 9_000],
      [{ host: 'host2', binding: 'nc', kind: 'import', direction: 'to_target' }, 100],
      [{ host: 'host2', binding: 'nc', kind: 'import', direction: 'from_target' }, 700],
    ]);
    expect(values(s.bindingPackets).map(([, v]) => v)).toEqual([30, 25, 4, 3]);
  });

  it('counts connections from the nat counter when a host reports no traffic block, and then no directions', () => {
    const s = networkSamples([up('host2', [binding('web', { traffic: undefined, counters: { packets: 7, bytes: 420 } })])], now);
    expect(values(s.bindingConnections)).toEqual([[{ host: 'host2', binding: 'web', kind: 'export' }, 7]]);
    expect(s.bindingPackets).toEqual([]);
    expect(s.bindingBytes).toEqual([]);
  });

  it('marks the kernel state of each binding as one of active, drifted and missing', () => {
    const s = networkSamples([up('host1', [binding('web'), binding('nc', { state: 'drifted' })])], now);
    const of = (id: string) => Object.fromEntries(s.bindingState.filter((x) => x.labels.binding === id).map((x) => [x.labels.state, x.value]));
    expect(of('web')).toEqual({ active: 1, drifted: 0, missing: 0 });
    expect(of('nc')).toEqual({ active: 0, drifted: 1, missing: 0 });
  });

  it('says which hosts are reachable, and how long ago an unreachable one was last seen', () => {
    const s = networkSamples([up('host1', []), down('host3', '2026-01-01T00:09:30.000Z'), down('host4')], now);
    expect(values(s.hostReachable)).toEqual([
      [{ host: 'host1', transport: 'sim' }, 1],
      [{ host: 'host3', transport: 'ssh' }, 0],
      [{ host: 'host4', transport: 'ssh' }, 0],
    ]);
    // host1's session is up: seen now. host4 was never seen: no age at all.
    expect(values(s.hostLastSeenAge)).toEqual([
      [{ host: 'host1' }, 0],
      [{ host: 'host3' }, 30],
    ]);
  });

  it('ages a host whose status is only from before a restart', () => {
    const s = networkSamples([up('host1', [], { stale: true, seenAt: '2026-01-01T00:08:00.000Z' })], now);
    expect(values(s.hostLastSeenAge)).toEqual([[{ host: 'host1' }, 120]]);
    expect(values(s.hostReachable)).toEqual([[{ host: 'host1', transport: 'sim' }, 1]]);
  });

  it("leaves out an unreachable host's last-known bindings: their counters are not current", () => {
    const s = networkSamples([down('host3', '2026-01-01T00:09:30.000Z')], now);
    expect(s.bindingConnections).toEqual([]);
    expect(s.bindingState).toEqual([]);
  });

  it("exports the watcher only where the host reports one", () => {
    const watched = up('host1', []);
    if (watched.reachable) watched.status = { ...watched.status, watcher: { running: true, pid: 42 } };
    const s = networkSamples([watched, up('host2', [])], now);
    expect(values(s.hostWatcherRunning)).toEqual([[{ host: 'host1' }, 1]]);
  });

  it('exports probe results where the hub has them: success, and latency in seconds; nothing for unprobed bindings', () => {
    const probe = (id: string, outcome: ProbeResult['outcome'], latencyMs?: number): ProbeResult => ({ id, proto: 'tcp', target: '10.2.1.1:4422', outcome, at: '2026-01-01T00:09:50.000Z', ...(latencyMs === undefined ? {} : { latencyMs }) });
    const host = up('host2', [binding('web'), binding('nc'), binding('dns', { proto: 'udp' }), binding('new')], {
      probes: [probe('web', 'ok', 3), probe('nc', 'refused', 1), probe('dns', 'unprobed')],
    });
    const s = networkSamples([host], now);
    expect(values(s.bindingProbeSuccess)).toEqual([
      [{ host: 'host2', binding: 'web', kind: 'export' }, 1],
      [{ host: 'host2', binding: 'nc', kind: 'export' }, 0],
    ]);
    expect(values(s.bindingProbeLatency)).toEqual([
      [{ host: 'host2', binding: 'web', kind: 'export' }, 0.003],
      [{ host: 'host2', binding: 'nc', kind: 'export' }, 0.001],
    ]);
  });

  it("ignores a probe of the binding's previous target (before a rebind)", () => {
    const old: ProbeResult = { id: 'web', proto: 'tcp', target: '10.2.1.2:4422', outcome: 'refused', latencyMs: 1, at: '2026-01-01T00:09:50.000Z' };
    const s = networkSamples([up('host2', [binding('web')], { probes: [old] })], now);
    expect(s.bindingProbeSuccess).toEqual([]);
    expect(s.bindingProbeLatency).toEqual([]);
  });

  it('exports no probe samples for a hub without probe results', () => {
    const s = networkSamples([up('host2', [binding('web')])], now);
    expect(s.bindingProbeSuccess).toEqual([]);
    expect(s.bindingProbeLatency).toEqual([]);
  });
});
