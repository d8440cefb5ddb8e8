import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeReport, StatusReport } from '@/lib/engine/model/report';
import { statusReport } from '@/lib/engine/model/report.fixture';
import { Hub } from './hub';
import { probeIntervalFromEnv, startProber, type Prober } from './prober';

const status = (host: string, ids: string[]): StatusReport => statusReport(host, ids);

const names = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const report = (host: string, outcome: 'ok' | 'refused'): ProbeReport => ({
  host,
  probes: [{ id: 'web', proto: 'tcp', target: '10.2.1.1:4422', outcome, at: '2026-01-01T00:00:00.000Z' }],
});

let prober: Prober | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  prober?.stop();
  vi.useRealTimers();
});

function hubOf(): Hub {
  const hub = new Hub(names.map((name) => ({ name, transport: 'sim' as const })));
  for (const n of names) hub.observeStatus(n, status(n, ['web']));
  return hub;
}

describe('the prober', () => {
  it('probes every answering host once per interval, a few at a time, and the hub keeps what each answered', async () => {
    const hub = hubOf();
    hub.observeSession('h6', { up: false, reason: 'connection refused', at: new Date().toISOString() });
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    prober = startProber(
      hub,
      async (host) => {
        asked.push(host);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 100));
        inFlight--;
        return report(host, host === 'h2' ? 'refused' : 'ok');
      },
      { intervalMs: 30_000, concurrency: 2, firstAfterMs: 1_000 },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    // h6 is down: never asked.
    expect(asked.sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(most).toBe(2);
    expect(hub.host('h2')!.probes![0].outcome).toBe('refused');
    expect(hub.host('h1')!.probes![0].outcome).toBe('ok');
    expect(hub.host('h6')!.probes).toBeUndefined();

    asked.length = 0;
    await vi.advanceTimersByTimeAsync(28_000);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toHaveLength(5);
  });

  it('skips hosts without bindings, keeps the last results of a host that fails to answer, and never overlaps rounds', async () => {
    const hub = hubOf();
    hub.observeStatus('h3', status('h3', []));
    let answering = true;
    let calls = 0;
    prober = startProber(
      hub,
      async (host) => {
        calls++;
        if (host === 'h1' && !answering) return null;
        // A round slower than the interval.
        await new Promise((r) => setTimeout(r, 5_000));
        return report(host, 'ok');
      },
      { intervalMs: 1_000, concurrency: 8, firstAfterMs: 0 },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(5);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toBe(5); // the first round is still running
    await vi.advanceTimersByTimeAsync(1_100);
    expect(hub.host('h1')!.probes).toHaveLength(1);
    expect(hub.host('h3')!.probes).toBeUndefined();
    answering = false;
    const before = hub.host('h1')!.probes;
    const calledBefore = calls;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(calls).toBeGreaterThan(calledBefore);
    expect(hub.host('h1')!.probes).toBe(before);
    expect(hub.host('h2')!.probes).toHaveLength(1);
  });

  it('reads its interval from SWITCHYARD_PROBE_INTERVAL_MS, 30 s otherwise', () => {
    expect(probeIntervalFromEnv({ SWITCHYARD_PROBE_INTERVAL_MS: '500' })).toBe(500);
    expect(probeIntervalFromEnv({})).toBe(30_000);
    expect(probeIntervalFromEnv({ SWITCHYARD_PROBE_INTERVAL_MS: 'soon' })).toBe(30_000);
  });
});
