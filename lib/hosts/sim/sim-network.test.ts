import { describe, expect, it } from 'vitest';
import { createSimNetwork, runOnSimHost } from './sim-network';
import { seedNetwork } from './seed-network';
import { withoutSaveComments } from '@/lib/engine/iptables/save-format';

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
    const before = withoutSaveComments(host1.iptables.save());
    const r = await runOnSimHost(host1, ['import', '--on', '10.2.1.3', '--port', '3322', '--to', 'nowhere:2211', '--id', 'h3']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stderr).field).toBe('to');
    expect(withoutSaveComments(host1.iptables.save())).toBe(before);
  });

  it('answers address changes as iproute2 6.x does on Debian 12', async () => {
    const host1 = (await createSimNetwork(seedNetwork)).get('host1')!;
    expect(await host1.runner.run('ip', ['addr', 'add', '10.2.1.3/16', 'dev', 'weave'])).toEqual({ exitCode: 2, stdout: '', stderr: 'Error: ipv4: Address already assigned.\n' });
    expect((await host1.runner.run('ip', ['addr', 'add', '10.2.1.4/16', 'dev', 'nope0'])).stderr).toBe('Cannot find device "nope0"\n');
    expect((await host1.runner.run('ip', ['addr', 'del', '10.2.1.3/16', 'dev', 'weave'])).exitCode).toBe(0);
    expect(await host1.runner.run('ip', ['addr', 'del', '10.2.1.3/16', 'dev', 'weave'])).toMatchObject({ exitCode: 2, stderr: 'Error: ipv4: Address not found.\n' });
  });
});

describe('a simulated network described in full', () => {
  const spec = {
    hosts: [
      {
        name: 'edge',
        interfaces: [{ name: 'eth0', addresses: ['172.16.0.1/16'] }],
        exposed: [
          { cidr: '10.2.0.1/16', bridge: 'weave' },
          { cidr: '10.3.0.1/16', bridge: 'ovl' },
        ],
        bindings: [
          { id: 'web', kind: 'export' as const, proto: 'tcp' as const, port: 8080, in: 'eth0', to: 'app:80', masquerade: true },
          { id: 'db', kind: 'import' as const, proto: 'tcp' as const, port: 5432, on: '10.3.0.1', to: 'pg:5432', masquerade: false },
        ],
      },
    ],
    containers: [{ name: 'app', host: 'edge', address: '10.2.128.1', services: [{ port: 80, proto: 'tcp' as const }] }],
    services: [{ name: 'pg', address: '192.168.1.2', port: 5432, proto: 'tcp' as const, reachableFrom: ['edge'] }],
    clients: [],
  };

  it('gives each host loopback, its bridges, every exposed address and its initial bindings', async () => {
    const edge = (await createSimNetwork(spec)).get('edge')!;
    const status = JSON.parse((await runOnSimHost(edge, ['status'])).stdout);
    expect(status.facts.interfaces.map((i: { name: string }) => i.name)).toEqual(['lo', 'eth0', 'weave', 'ovl']);
    expect(status.exposed.map((e: { cidr: string }) => e.cidr)).toEqual(['10.2.0.1/16', '10.3.0.1/16']);
    expect(status.bindings.map((b: { id: string; state: string; target: { address: string } }) => [b.id, b.state, b.target.address])).toEqual([
      ['web', 'active', '10.2.128.1'],
      ['db', 'active', '192.168.1.2'],
    ]);
  });

  it('names the host and the field when an initial binding is wrong', async () => {
    const bad = { ...spec, hosts: [{ ...spec.hosts[0], bindings: [{ ...spec.hosts[0].bindings[0], to: 'nowhere:80' }] }] };
    await expect(createSimNetwork(bad)).rejects.toThrow(/simulated edge: applying its initial bindings failed \(exit 2\).*bindings\[0\]\.to/);
  });
});
