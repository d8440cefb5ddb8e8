import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import type { BindingReport } from '@/lib/engine/model/report';
import { exportReport, statusReport } from '@/lib/engine/model/report.fixture';
import type { HostView } from '../topology';
import { createConsoleMetrics } from './console-metrics';

const binding = (id: string): BindingReport =>
  exportReport(id, { counters: { packets: 3, bytes: 180 }, traffic: { connections: 3, toTarget: { packets: 12, bytes: 900 }, fromTarget: { packets: 10, bytes: 4_000 } } });

const host2 = (ids: string[]): HostView => ({
  name: 'host2',
  transport: 'sim',
  reachable: true,
  status: statusReport('host2', ids.map(binding)),
});

const family = (families: ParsedFamily[], name: string): ParsedFamily | undefined => families.find((f) => f.name === name);
const bindingsIn = (families: ParsedFamily[]): string[] => (family(families, 'switchyard_binding_connections_total')?.metrics ?? []).map((m) => m.labels?.binding ?? '');

describe("the console's metrics registry", () => {
  it('renders the hub as Prometheus text a real parser reads, with the counters typed as counters', async () => {
    const metrics = createConsoleMetrics();
    const families = parsePrometheusTextFormat(await metrics.render([host2(['web'])]));
    expect(family(families, 'switchyard_binding_connections_total')).toMatchObject({ type: 'COUNTER', metrics: [{ labels: { host: 'host2', binding: 'web', kind: 'export' }, value: '3' }] });
    expect(family(families, 'switchyard_binding_bytes_total')?.metrics).toContainEqual({ labels: { host: 'host2', binding: 'web', kind: 'export', direction: 'from_target' }, value: '4000' });
    expect(family(families, 'switchyard_host_reachable')).toMatchObject({ type: 'GAUGE', metrics: [{ labels: { host: 'host2', transport: 'sim' }, value: '1' }] });
  });

  it('rebuilds the network series at every scrape: a removed binding leaves nothing behind', async () => {
    const metrics = createConsoleMetrics();
    expect(bindingsIn(parsePrometheusTextFormat(await metrics.render([host2(['web', 'nc'])])))).toEqual(['web', 'nc']);
    expect(bindingsIn(parsePrometheusTextFormat(await metrics.render([host2(['nc'])])))).toEqual(['nc']);
    // Counters are the host's own totals, not added up scrape after scrape.
    const again = parsePrometheusTextFormat(await metrics.render([host2(['nc'])]));
    expect(family(again, 'switchyard_binding_connections_total')?.metrics[0]?.value).toBe('3');
  });

  it('keeps the programming-latency histogram across scrapes', async () => {
    const metrics = createConsoleMetrics();
    metrics.observeChange(0.02);
    metrics.observeChange(0.4);
    await metrics.render([]);
    metrics.observeChange(3);
    const h = family(parsePrometheusTextFormat(await metrics.render([])), 'switchyard_change_programming_duration_seconds');
    expect(h?.type).toBe('HISTOGRAM');
    expect(h?.metrics).toHaveLength(1);
    expect(h?.metrics[0]).toMatchObject({ count: '3', sum: '3.42' });
    expect(h?.metrics[0]?.buckets).toMatchObject({ '0.01': '0', '0.025': '1', '0.5': '2', '2.5': '2', '5': '3', '+Inf': '3' });
  });

  it('gives each registry its own series, so two consoles in one process do not add up', async () => {
    const a = createConsoleMetrics();
    const b = createConsoleMetrics();
    a.observeChange(0.1);
    const count = async (m: typeof a) => family(parsePrometheusTextFormat(await m.render([])), 'switchyard_change_programming_duration_seconds')?.metrics[0]?.count;
    expect(await count(a)).toBe('1');
    expect(await count(b)).toBe('0');
  });
});
