import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsEtcDir } from '@/lib/lab/paths';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

// Without Weave, names resolve through the host's own resolver: `ip netns exec` mounts
// /etc/netns/<ns>/hosts over /etc/hosts, which is how the lab stands in for Weave DNS.
describe.each(backends)('target names (%s backend)', (backend) => {
  let net: ScratchNetwork;
  const hostsFile = (a1: string) => writeFile(`${netnsEtcDir(net.ns.host)}/hosts`, `127.0.0.1 localhost\n${a1} a1\n`);
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await mkdir(netnsEtcDir(net.ns.host), { recursive: true });
  });
  afterAll(async () => {
    if (net) await rm(netnsEtcDir(net.ns.host), { recursive: true, force: true });
    await net?.dispose();
  });

  it('--to a1:4422 resolves on the host and keeps both the name and the address', async () => {
    await hostsFile('10.77.0.11');
    const r = await net.sw(['export', '--port', '2211', '--in', 'eth0', '--to', 'a1:4422', '--id', 'web']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.binding.target).toEqual({ name: 'a1', address: '10.77.0.11', port: 4422 });
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'by name')).toBe('c1: by name');
  });

  it('restore re-resolves a name that moved', async () => {
    await hostsFile('10.77.0.12');
    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.changes).toMatchObject([{ op: 'rebind', id: 'web', after: { target: { name: 'a1', address: '10.77.0.12' } } }]);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'moved')).toBe('c2: moved');
  });

  it('a name the host cannot resolve is bad input naming "to"', async () => {
    const r = await net.sw(['export', '--port', '2212', '--to', 'nosuch:1', '--id', 'x']);
    expect(r.exitCode).toBe(2);
    expect(r.json).toMatchObject({ code: 'bad-input', field: 'to' });
  });
});
