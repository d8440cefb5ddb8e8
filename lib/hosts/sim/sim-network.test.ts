import { describe, expect, it } from 'vitest';
import { createSimNetwork, runOnSimHost } from './sim-network';
import { seedNetwork } from './seed-network';

describe('the simulated seed network', () => {
  it('starts with each host exposed on the overlay through the engine', async () => {
    const net = await createSimNetwork(seedNetwork);
    const status = JSON.parse((await runOnSimHost(net.get('host2')!, ['status'])).stdout);
    expect(status.exposed).toEqual([{ cidr: '10.2.1.132/16', bridge: 'weave' }]);
    expect(status.facts.interfaces.find((i: { name: string }) => i.name === 'weave').addresses).toEqual(['10.2.1.132/16']);
  });

  it('holds the rules the engine renders, resolving container names from the overlay', async () => {
    const net = await createSimNetwork(seedNetwork);
    const host2 = net.get('host2')!;
    const r = await runOnSimHost(host2, ['export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web']);
    expect(r.exitCode).toBe(0);
    expect(host2.iptables.save()).toMatch(/-j DNAT --to-destination 10\.2\.1\.1:4422/);
    // host1's netfilter is its own.
    expect(net.get('host1')!.iptables.save()).not.toMatch(/10\.2\.1\.1:4422/);
  });

  it('refuses a name the network does not know, changing nothing', async () => {
    const net = await createSimNetwork(seedNetwork);
    const host1 = net.get('host1')!;
    const before = host1.iptables.save();
    const r = await runOnSimHost(host1, ['import', '--on', '10.2.1.3', '--port', '3322', '--to', 'nowhere:2211', '--id', 'h3']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stderr).field).toBe('to');
    expect(host1.iptables.save()).toBe(before);
  });

  it('answers address changes as iproute2 6.x does on Debian 12', async () => {
    const host1 = (await createSimNetwork(seedNetwork)).get('host1')!;
    expect(await host1.runner.run('ip', ['addr', 'add', '10.2.1.3/16', 'dev', 'weave'])).toEqual({ exitCode: 2, stdout: '', stderr: 'Error: ipv4: Address already assigned.\n' });
    expect((await host1.runner.run('ip', ['addr', 'add', '10.2.1.4/16', 'dev', 'nope0'])).stderr).toBe('Cannot find device "nope0"\n');
    expect((await host1.runner.run('ip', ['addr', 'del', '10.2.1.3/16', 'dev', 'weave'])).exitCode).toBe(0);
    expect(await host1.runner.run('ip', ['addr', 'del', '10.2.1.3/16', 'dev', 'weave'])).toMatchObject({ exitCode: 2, stderr: 'Error: ipv4: Address not found.\n' });
  });
});
