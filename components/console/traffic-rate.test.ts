import { describe, expect, it } from 'vitest';
import type { HostView, StatusReport, Topology } from '@/lib/console/topology';
import { addSample, connectionRate, rateText, sampleTraffic, type TrafficSample } from './traffic-rate';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const fold = (readings: [number, number][]): TrafficSample[] => readings.reduce<TrafficSample[]>((s, [sec, connections]) => addSample(s, { at: t0 + sec * 1000, connections }), []);

describe('connection rates', () => {
  it('is the growth over the last minute, per second', () => {
    const s = fold([[0, 100], [30, 130], [60, 160], [90, 220]]);
    // At 90 s the window starts at 30 s: 90 new connections in 60 s.
    expect(connectionRate(s, t0 + 90_000)).toBeCloseTo(1.5);
  });

  it('falls to zero when no new reading comes (the host pushes only when a counter moves)', () => {
    const s = fold([[0, 0], [10, 50]]);
    expect(connectionRate(s, t0 + 10_000)).toBeCloseTo(5);
    expect(connectionRate(s, t0 + 40_000)).toBeCloseTo(50 / 40);
    expect(connectionRate(s, t0 + 200_000)).toBe(0);
  });

  it('uses the first reading when the page has watched less than a minute, and says nothing within the first second', () => {
    const s = fold([[0, 10]]);
    expect(connectionRate(s, t0 + 500)).toBeNull();
    expect(connectionRate([], t0)).toBeNull();
    expect(connectionRate(fold([[0, 10], [20, 30]]), t0 + 20_000)).toBeCloseTo(1);
  });

  it('starts again when the counter goes down (rules flushed or re-created), and ignores readings out of order', () => {
    const s = fold([[0, 500], [10, 600], [20, 3]]);
    expect(s).toEqual([{ at: t0 + 20_000, connections: 3 }]);
    expect(addSample(s, { at: t0 + 5_000, connections: 9 })).toBe(s);
    expect(connectionRate(fold([[0, 500], [10, 600], [20, 3], [30, 13]]), t0 + 30_000)).toBeCloseTo(1);
  });

  it('keeps a bounded number of samples: one before the window and the flat stretches only by their ends', () => {
    const readings: [number, number][] = Array.from({ length: 600 }, (_, i) => [i, Math.floor(i / 100)]);
    const s = fold(readings);
    expect(s.length).toBeLessThanOrEqual(62);
    expect(s[0].at).toBeLessThanOrEqual(t0 + 539_000);
  });

  it('prints rates for an edge label', () => {
    expect(rateText(0)).toBe('0 conn/s');
    expect(rateText(0.05)).toBe('<0.1 conn/s');
    expect(rateText(1.25)).toBe('1.3 conn/s');
    expect(rateText(42.4)).toBe('42 conn/s');
  });
});

const status = (connections: number): StatusReport => ({
  host: 'host2',
  backend: 'iptables',
  facts: { hostname: 'host2', ipForward: true, weave: false, interfaces: [] },
  exposed: [],
  bindings: [
    {
      id: 'web',
      kind: 'export',
      proto: 'tcp',
      front: { port: 2211, iface: 'eth0' },
      target: { name: 'a1', address: '10.2.1.1', port: 4422 },
      masquerade: true,
      revision: 1,
      state: 'active',
      counters: { packets: connections, bytes: 0 },
      rules: [],
      traffic: { connections, toTarget: { packets: 0, bytes: 0 }, fromTarget: { packets: 0, bytes: 0 } },
    },
  ],
  foreign: [],
  warnings: [],
});
const topo = (hosts: HostView[]): Topology => ({ hosts, containers: [], services: [], clients: [], loadedAt: '' });

describe('sampling a topology', () => {
  it('samples fresh hosts at the time they were seen, and not stale or unreachable ones', () => {
    let held = sampleTraffic({}, topo([{ name: 'host2', transport: 'sim', reachable: true, status: status(5), seenAt: '2026-01-01T00:00:00Z' }]));
    held = sampleTraffic(held, topo([{ name: 'host2', transport: 'sim', reachable: true, status: status(25), seenAt: '2026-01-01T00:00:10Z' }]));
    held = sampleTraffic(held, topo([{ name: 'host2', transport: 'sim', reachable: true, stale: true, status: status(99), seenAt: '2026-01-01T00:00:20Z' }]));
    held = sampleTraffic(held, topo([{ name: 'host2', transport: 'sim', reachable: false, error: 'gone', status: status(98), seenAt: '2026-01-01T00:00:30Z' }]));
    expect(held['binding:host2/web']).toEqual([
      { at: t0, connections: 5 },
      { at: t0 + 10_000, connections: 25 },
    ]);
    expect(sampleTraffic(held, topo([{ name: 'host2', transport: 'sim', reachable: true, status: { ...status(1), bindings: [] }, seenAt: '2026-01-01T00:00:40Z' }]))).toEqual({});
  });
});
