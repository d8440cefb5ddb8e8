import { describe, expect, it } from 'vitest';
import { createSimNetwork, runOnSimHost } from '@/lib/hosts/sim/sim-network';
import type { StatusReport } from '@/lib/engine/model/report';
import { generateSimInventory } from './generate-sim-inventory';
import { parseInventory } from './load-inventory';
import { simNetworkOf } from './sim-network-spec';

describe('generateSimInventory', () => {
  it('writes an inventory the console accepts: hosts, containers, services, clients, and every binding', () => {
    const inv = parseInventory(JSON.stringify(generateSimInventory({ hosts: 200, bindings: 2000 })), 'net.json');
    expect(inv.hosts).toHaveLength(200);
    expect(new Set(inv.hosts.map((h) => h.name)).size).toBe(200);
    expect(inv.hosts.every((h) => h.transport === 'sim')).toBe(true);
    expect(inv.hosts.flatMap((h) => (h.transport === 'sim' ? h.bindings : []))).toHaveLength(2000);
    expect(inv.containers).toHaveLength(200);
    expect(inv.services.length).toBeGreaterThan(0);
    expect(inv.clients.length).toBeGreaterThan(0);
    // Every host can reach an outside service and is reached by a client.
    for (const h of inv.hosts) {
      expect(inv.services.some((s) => s.reachableFrom.includes(h.name)), h.name).toBe(true);
      expect(inv.clients.some((c) => c.reaches.includes(h.name)), h.name).toBe(true);
    }
    const addresses = [...inv.containers.map((c) => c.address), ...inv.hosts.flatMap((h) => (h.transport === 'sim' ? h.exposed.map((e) => e.cidr) : []))];
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('refuses sizes it cannot lay out', () => {
    expect(() => generateSimInventory({ hosts: 0, bindings: 0 })).toThrow(/hosts/);
    expect(() => generateSimInventory({ hosts: 2, bindings: -1 })).toThrow(/bindings/);
  });

  it('builds into simulated hosts whose engines hold every binding, active, with routes into the next host’s import', async () => {
    const inv = generateSimInventory({ hosts: 12, bindings: 60 });
    const net = await createSimNetwork(simNetworkOf(inv));
    let total = 0;
    for (const h of inv.hosts) {
      const status = JSON.parse((await runOnSimHost(net.get(h.name)!, ['status'])).stdout) as StatusReport;
      expect(status.bindings.every((b) => b.state === 'active'), h.name).toBe(true);
      total += status.bindings.length;
    }
    expect(total).toBe(60);
    const first = JSON.parse((await runOnSimHost(net.get('sim001')!, ['status'])).stdout) as StatusReport;
    const route = first.bindings.find((b) => b.id === 'route-2')!;
    const next = inv.hosts[1].transport === 'sim' ? inv.hosts[1] : null;
    expect(`${route.target.address}:${route.target.port}`).toBe(`${next!.exposed[0].cidr.split('/')[0]}:30001`);
    expect(next!.bindings.some((b) => b.id === 'db-1' && b.port === 30001)).toBe(true);
  });
});
