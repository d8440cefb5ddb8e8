import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadInventory, parseInventory } from './load-inventory';

const lab = {
  hosts: [{ name: 'host1', transport: 'netns', namespace: 'sy-host1', stateDir: '/run/switchyard-lab/host1', cli: '/abs/dist/switchyard.mjs' }],
  containers: [{ name: 'a1', host: 'host1', address: '10.2.1.1', services: [{ port: 4422, proto: 'tcp' }] }],
  services: [{ name: 'host3', address: '192.168.1.3', port: 2211, proto: 'tcp', reachableFrom: ['host1'] }],
  clients: [{ name: 'world', namespace: 'sy-world', address: '192.168.1.10', reaches: ['host2'] }],
};

describe('loadInventory', () => {
  it('runs on the simulated seed network when no inventory is named', async () => {
    const inv = await loadInventory({});
    expect(inv.hosts.map((h) => [h.name, h.transport])).toEqual([
      ['host1', 'sim'],
      ['host2', 'sim'],
    ]);
    expect(inv.services.find((s) => s.name === 'host3')?.reachableFrom).toEqual(['host1']);
  });

  it('reads the lab inventory file named by SWITCHYARD_INVENTORY', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sy-inv-'));
    const file = path.join(dir, 'inventory.json');
    await writeFile(file, JSON.stringify(lab));
    const inv = await loadInventory({ SWITCHYARD_INVENTORY: file });
    expect(inv.hosts[0]).toEqual(lab.hosts[0]);
    expect(inv.clients[0].namespace).toBe('sy-world');
  });

  it('names the field at fault in a bad inventory', () => {
    const bad = { ...lab, hosts: [{ name: 'host1', transport: 'netns', stateDir: '/x', cli: '/y' }] };
    expect(() => parseInventory(JSON.stringify(bad), 'inv.json')).toThrow(/inv\.json: hosts\.0\.namespace/);
  });
});
