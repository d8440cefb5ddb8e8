import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';

// `probe` connects from inside the host's namespace to each binding's target.
describe.each(backends)('probe (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await bind(net, [
      ...exportAndImport,
      ['export', '--proto', 'udp', '--port', '5353', '--to', '10.77.0.11:4422', '--id', 'dns'],
      ['export', '--port', '2299', '--in', 'eth0', '--to', '10.77.0.99:4422', '--id', 'nowhere'],
    ]);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const outcomes = async (...id: string[]) => {
    const r = await net.sw(['probe', ...id]);
    expect(r.exitCode, r.stderr).toBe(0);
    return Object.fromEntries(r.json.probes.map((p: { id: string; outcome: string }) => [p.id, p.outcome]));
  };

  it('reports ok for live targets, unprobed for UDP, timeout for a target that never answers', async () => {
    expect(await outcomes()).toEqual({ web: 'ok', svc: 'ok', dns: 'unprobed', nowhere: 'timeout' });
    const one = await net.sw(['probe', 'web']);
    expect(one.json.probes).toEqual([expect.objectContaining({ id: 'web', target: '10.77.0.11:4422', outcome: 'ok', latencyMs: expect.any(Number) })]);
  });

  it('a stopped target service is reported refused', async () => {
    const pid = (await readFile(join(net.stateDir, 'c2.pid'), 'utf8')).trim();
    expect((await net.exec(net.ns.c2, 'kill', [pid])).exitCode).toBe(0);
    for (let i = 0; i < 50 && (await net.exec(net.ns.c2, 'kill', ['-0', pid])).exitCode === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await outcomes('svc')).toEqual({ svc: 'refused' });
    expect(await outcomes('web')).toEqual({ web: 'ok' });
  });

  it('an unknown id is refused', async () => {
    const r = await net.sw(['probe', 'nope']);
    expect(r.exitCode).toBe(2);
    expect(r.json).toMatchObject({ code: 'unknown-id' });
  });
});
