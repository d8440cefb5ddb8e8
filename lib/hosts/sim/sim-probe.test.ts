import { describe, expect, it } from 'vitest';
import type { ProbeReport } from '@/lib/engine/model/report';
import { seedNetwork } from './seed-network';
import { createSimNetwork, runOnSimHost } from './sim-network';

async function must(host: Parameters<typeof runOnSimHost>[0], args: string[]) {
  const r = await runOnSimHost(host, args);
  expect(r.exitCode, r.stderr).toBe(0);
  return r;
}

describe('probes on the simulated network', () => {
  it('answer as the seed network would: services answer, routes pass through imports, missing ports refuse, unroutable ones time out', async () => {
    const net = await createSimNetwork(seedNetwork);
    const host1 = net.get('host1')!;
    const host2 = net.get('host2')!;
    await must(host1, ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'h3']);
    await must(host2, ['export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web']);
    await must(host2, ['export', '--in', 'eth0', '--port', '4433', '--to', '10.2.1.3:3322', '--id', 'route-h3']);
    await must(host2, ['export', '--in', 'eth0', '--port', '5555', '--to', 'a2:9999', '--id', 'nothing-there']);
    await must(host2, ['export', '--in', 'eth0', '--port', '6666', '--to', '192.168.1.3:2211', '--id', 'no-route']);

    const probes = async (h: typeof host1) => Object.fromEntries((JSON.parse((await must(h, ['probe'])).stdout) as ProbeReport).probes.map((p) => [p.id, p]));
    const on2 = await probes(host2);
    expect(on2.web).toMatchObject({ outcome: 'ok', target: '10.2.1.1:4422' });
    expect(on2.web.latencyMs).toBeGreaterThan(0);
    expect(on2['route-h3'].outcome).toBe('ok');
    expect(on2['nothing-there'].outcome).toBe('refused');
    expect(on2['no-route'].outcome).toBe('timeout');
    expect((await probes(host1)).h3.outcome).toBe('ok');

    // The import goes away: the route through it now finds nothing listening on host1's front.
    await must(host1, ['remove', 'h3']);
    expect((await probes(host2))['route-h3'].outcome).toBe('refused');
  });
});
