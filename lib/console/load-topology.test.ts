import { describe, expect, it } from 'vitest';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { HostConnection } from '@/lib/hosts';
import { simulatedInventory } from './load-inventory';
import { loadTopology } from './load-topology';

const statusOf = (host: string) => JSON.stringify({ host, backend: 'iptables', facts: { hostname: host, interfaces: [], ipForward: true, weave: false }, exposed: [], bindings: [], foreign: [], warnings: [] });

describe('loadTopology', () => {
  it('draws a host that never answers as unreachable without holding up the others', async () => {
    const inventory = simulatedInventory();
    const asked: string[] = [];
    const run = (host: HostConnection): Promise<RunResult> => {
      asked.push(host.name);
      return host.name === 'host1' ? new Promise(() => undefined) : Promise.resolve({ exitCode: 0, stdout: statusOf(host.name), stderr: '' });
    };
    const started = Date.now();
    const t = await loadTopology(inventory, 200, run);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(asked.sort()).toEqual(['host1', 'host2']);
    expect(t.hosts.find((h) => h.name === 'host1')).toMatchObject({ reachable: false, error: expect.stringMatching(/did not answer/) });
    expect(t.hosts.find((h) => h.name === 'host2')).toMatchObject({ reachable: true, status: { host: 'host2' } });
  });

  it('reports a host whose engine fails with the reason', async () => {
    const run = async (): Promise<RunResult> => ({ exitCode: 1, stdout: '', stderr: '{"code":"host-failure","message":"could not list interfaces: boom"}' });
    const t = await loadTopology(simulatedInventory(), 1_000, run);
    expect(t.hosts.every((h) => !h.reachable && /could not list interfaces: boom/.test(h.error))).toBe(true);
  });
});
