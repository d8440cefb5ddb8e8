import { describe, expect, it } from 'vitest';
import { hostsFileText } from './hosts-files';
import { labInventory } from './inventory';
import { cliPath } from './paths';
import { directLinks, labNamespaces, machines, overlayMembers } from './topology';

describe('the lab table', () => {
  it('gives the console the inventory agreed with lib/console', () => {
    expect(labInventory()).toEqual({
      hosts: [
        { name: 'host1', transport: 'netns', namespace: 'sy-host1', stateDir: '/run/switchyard-lab/host1', cli: cliPath },
        {
          name: 'host2',
          transport: 'ssh',
          ssh: 'root@10.2.1.132',
          proxyCommand: 'ip netns exec sy-host2 nc %h %p',
          stateDir: '/run/switchyard-lab/host2',
          cli: '/run/switchyard-lab/ssh/host2/bin/switchyard',
        },
      ],
      containers: [
        { name: 'a1', host: 'host1', address: '10.2.1.1', services: [{ port: 4422, proto: 'tcp' }] },
        { name: 'a2', host: 'host2', address: '10.2.1.2', services: [] },
      ],
      services: [
        { name: 'host3', address: '192.168.1.3', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
        { name: 'host4', address: '192.168.4.4', port: 2211, proto: 'tcp', reachableFrom: ['host1'] },
      ],
      clients: [{ name: 'world', namespace: 'sy-world', address: '192.168.1.10', reaches: ['host2'] }],
    });
    expect(cliPath).toMatch(/\/dist\/switchyard\.mjs$/);
  });

  it('links each point-to-point interface to exactly one peer interface', () => {
    const ends = directLinks().map(({ a, b }) => `${a.machine.name}.${a.iface.name}-${b.machine.name}.${b.iface.name}`);
    expect(ends).toEqual(['host1.eth1-host3.eth0', 'host1.eth2-host4.eth0', 'host2.eth0-world.eth0']);
  });

  it('puts host1, host2, a1 and a2 on the overlay with bridge ports that fit an interface name', () => {
    const members = overlayMembers();
    expect(members.map((m) => `${m.machine.name}:${m.iface.name}:${m.iface.address}`)).toEqual([
      'host1:weave:10.2.1.3',
      'host2:weave:10.2.1.132',
      'a1:ethwe:10.2.1.1',
      'a2:ethwe:10.2.1.2',
    ]);
    for (const m of members) expect(m.port).toMatch(/^[A-Za-z0-9_.-]{1,15}$/);
  });

  it('keeps the overlapping 192.168.1.0/24 on two separate links and every address unique', () => {
    const addresses = machines.flatMap((m) => m.interfaces.map((i) => i.address));
    expect(new Set(addresses).size).toBe(addresses.length);
    const onOverlap = machines.filter((m) => m.interfaces.some((i) => i.address.startsWith('192.168.1.'))).map((m) => m.name);
    expect(onOverlap).toEqual(['host1', 'host2', 'host3', 'world']);
    expect(labNamespaces).toHaveLength(new Set(labNamespaces).size);
  });

  it('answers overlay names the way Weave DNS would', () => {
    const lines = hostsFileText().split('\n');
    expect(lines).toContain('10.2.1.3\thost1 host1.weave.local');
    expect(lines).toContain('10.2.1.132\thost2 host2.weave.local');
    expect(lines).toContain('10.2.1.1\ta1 a1.weave.local');
    expect(lines).toContain('10.2.1.2\ta2 a2.weave.local');
    expect(hostsFileText()).not.toMatch(/192\.168\./);
  });
});

describe('the lab with extra engine hosts', () => {
  it('adds hosts with a container each on the overlay, unique addresses, names that fit', async () => {
    const { extraMachines, labMachines, maxExtraHosts, everyLabNamespace } = await import('./topology');
    const extra = extraMachines(3);
    expect(extra.map((m) => `${m.name}:${m.role}:${m.interfaces[0].address}${m.runsOn ? `@${m.runsOn}` : ''}`)).toEqual([
      'host5:host:10.2.2.1',
      'c5:container:10.2.3.1@host5',
      'host6:host:10.2.2.2',
      'c6:container:10.2.3.2@host6',
      'host7:host:10.2.2.3',
      'c7:container:10.2.3.3@host7',
    ]);
    const all = labMachines(maxExtraHosts);
    const addresses = all.flatMap((m) => m.interfaces.map((i) => i.address));
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const m of overlayMembers(all)) expect(m.port).toMatch(/^[A-Za-z0-9_.-]{1,15}$/);
    expect(everyLabNamespace()).toHaveLength(1 + machines.length + 2 * maxExtraHosts);
    expect(() => extraMachines(maxExtraHosts + 1)).toThrow(/--hosts/);
    const inventory = labInventory({ machines: labMachines(2), hostKeys: { host2: 'ssh-ed25519 AAAA' } });
    expect(inventory.hosts.map((h) => `${h.name}:${h.transport}`)).toEqual(['host1:netns', 'host2:ssh', 'host5:netns', 'host6:netns']);
    expect(inventory.hosts[1]).toMatchObject({ hostKey: 'ssh-ed25519 AAAA' });
    expect(inventory.containers.map((c) => `${c.name}@${c.host}`)).toEqual(['a1@host1', 'a2@host2', 'c5@host5', 'c6@host6']);
    expect(hostsFileText(labMachines(1))).toContain('10.2.2.1\thost5 host5.weave.local');
  });
});
