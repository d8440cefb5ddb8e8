import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

// `switchyard expose` on a host without Weave: the address on the bridge, forwarding on, and the
// masquerade `weave expose` would add; `hide` takes it away again.
describe.each(backends)('expose and hide (%s backend)', (backend) => {
  let net: ScratchNetwork;
  const addrs = async () => (await net.exec(net.ns.host, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'weave'])).stdout;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  it('adds the address and its masquerade; exposing an address the bridge already holds is fine', async () => {
    await net.exec(net.ns.host, 'sysctl', ['-qw', 'net.ipv4.ip_forward=0']);
    const r = await net.sw(['expose', '10.77.0.5/24', '--bridge', 'weave', '--name', 'host.weave.local']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await addrs()).toContain('10.77.0.5/24');
    expect((await net.exec(net.ns.host, 'cat', ['/proc/sys/net/ipv4/ip_forward'])).stdout.trim()).toBe('1');
    expect(await net.owned()).toContain(
      backend === 'nft'
        ? 'ip saddr 10.77.0.0/24 ip daddr != 10.77.0.0/24 masquerade comment "switchyard:expose:10.77.0.5/24"'
        : '-A SWITCHYARD-POST -s 10.77.0.0/24 ! -d 10.77.0.0/24 -m comment --comment "switchyard:expose:10.77.0.5/24" -j MASQUERADE',
    );
    // c1 reaches the host on its new overlay address.
    const again = await net.sw(['expose', '10.77.0.1/24', '--bridge', 'weave']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await net.sw(['status'])).json.exposed.map((e: { cidr: string }) => e.cidr)).toEqual(['10.77.0.5/24', '10.77.0.1/24']);
  });

  it('hide removes the address and the masquerade; an unknown bridge is bad input', async () => {
    expect((await net.sw(['hide', '10.77.0.5/24'])).exitCode).toBe(0);
    expect(await addrs()).not.toContain('10.77.0.5/24');
    expect(await net.owned()).not.toContain('expose:10.77.0.5/24');
    const bad = await net.sw(['expose', '10.88.0.1/24', '--bridge', 'nosuchbr']);
    expect(bad.exitCode).toBe(2);
    expect(bad.json).toMatchObject({ code: 'bad-input', field: 'bridge' });
    expect((await net.sw(['hide', '10.88.0.1/24'])).exitCode).toBe(2);
  });
});
