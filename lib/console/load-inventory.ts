import { readFile } from 'node:fs/promises';
import { seedNetwork, type SimNetworkSpec } from '@/lib/hosts';
import { inventorySchema, type Inventory } from './inventory';

/** The inventory of the embedded simulated network: the seed's hosts as `sim` hosts. */
export function simulatedInventory(spec: SimNetworkSpec = seedNetwork): Inventory {
  return {
    hosts: spec.hosts.map((h) => ({
      name: h.name,
      transport: 'sim' as const,
      interfaces: h.interfaces.map((i) => ({ ...i, addresses: [...i.addresses] })),
      exposed: h.exposed.map((e) => ({ ...e })),
      bindings: (h.bindings ?? []).map((b) => ({ ...b })),
    })),
    containers: spec.containers.map((c) => ({ ...c, services: [...c.services] })),
    services: spec.services.map((s) => ({ ...s, reachableFrom: [...s.reachableFrom] })),
    clients: spec.clients.map((c) => ({ ...c, reaches: [...c.reaches] })),
  };
}

/** Parse inventory JSON text, naming the first field at fault. */
export function parseInventory(text: string, source: string): Inventory {
  const parsed = inventorySchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** `SWITCHYARD_INVENTORY` names an inventory file; without it the console runs on the simulated network. */
export async function loadInventory(env: Record<string, string | undefined> = process.env): Promise<Inventory> {
  const file = env.SWITCHYARD_INVENTORY;
  if (!file) return simulatedInventory();
  return parseInventory(await readFile(file, 'utf8'), file);
}
