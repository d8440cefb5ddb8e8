import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cliPath, inventoryPath, stateDirOf } from './paths';
import { machines, overlayAddress, type LabMachine } from './topology';

/** A host the console reaches through the `netns` transport. */
export interface InventoryHost {
  name: string;
  transport: 'netns';
  namespace: string;
  stateDir: string;
  cli: string;
}

/** A container on the overlay and the services it runs. */
export interface InventoryContainer {
  name: string;
  host: string;
  address: string;
  services: { port: number; proto: 'tcp' | 'udp' }[];
}

/** A service outside the overlay and the hosts that can reach it. */
export interface InventoryService {
  name: string;
  address: string;
  port: number;
  proto: 'tcp' | 'udp';
  reachableFrom: string[];
}

/** A client network and the hosts it can reach. */
export interface InventoryClient {
  name: string;
  namespace: string;
  address: string;
  reaches: string[];
}

/** The console inventory the lab writes (shape agreed with lib/console). */
export interface Inventory {
  hosts: InventoryHost[];
  containers: InventoryContainer[];
  services: InventoryService[];
  clients: InventoryClient[];
}

const firstAddress = (m: LabMachine): string => m.interfaces[0]?.address ?? '';
const byRole = (role: LabMachine['role']): LabMachine[] => machines.filter((m) => m.role === role);

/** The lab's inventory, derived from the topology table. */
export function labInventory(): Inventory {
  return {
    hosts: byRole('host').map((m) => ({
      name: m.name,
      transport: 'netns',
      namespace: m.namespace,
      stateDir: stateDirOf(m.name),
      cli: cliPath,
    })),
    containers: byRole('container').map((m) => ({
      name: m.name,
      host: m.runsOn ?? '',
      address: overlayAddress(m) ?? '',
      services: m.services.map((s) => ({ port: s.port, proto: s.proto })),
    })),
    services: byRole('outside').flatMap((m) =>
      m.services.map((s) => ({ name: m.name, address: firstAddress(m), port: s.port, proto: s.proto, reachableFrom: m.reaches ?? [] })),
    ),
    clients: byRole('client').map((m) => ({
      name: m.name,
      namespace: m.namespace,
      address: firstAddress(m),
      reaches: m.reaches ?? [],
    })),
  };
}

/** Writes the inventory atomically and returns its path. */
export async function writeInventory(): Promise<string> {
  await mkdir(path.dirname(inventoryPath), { recursive: true });
  const tmp = `${inventoryPath}.tmp`;
  await writeFile(tmp, `${JSON.stringify(labInventory(), null, 2)}\n`);
  await rename(tmp, inventoryPath);
  return inventoryPath;
}
