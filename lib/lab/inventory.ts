import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cliPath, inventoryPath, stateDirOf } from './paths';
import { sshCliOf } from './sshd';
import { machines, overlayAddress, type LabMachine } from './topology';

/** A host the console reaches through the `netns` transport, or through ssh to the sshd in its namespace. */
export type InventoryHost =
  | { name: string; transport: 'netns'; namespace: string; stateDir: string; cli: string }
  | { name: string; transport: 'ssh'; ssh: string; proxyCommand: string; stateDir: string; cli: string; hostKey?: string };

/** The lab hosts the console reaches over ssh (the others through `ip netns exec`). */
export const sshHosts: readonly string[] = ['host2'];

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

/** What the inventory says about one lab host. */
function inventoryHost(m: LabMachine, hostKeys: Record<string, string>): InventoryHost {
  if (!sshHosts.includes(m.name)) return { name: m.name, transport: 'netns', namespace: m.namespace, stateDir: stateDirOf(m.name), cli: cliPath };
  return {
    name: m.name,
    transport: 'ssh',
    ssh: `root@${overlayAddress(m)}`,
    // The console lives in the root namespace, which has no route into the lab: ssh's connection is
    // carried into the host's namespace by nc; the ssh session itself is end to end.
    proxyCommand: `ip netns exec ${m.namespace} nc %h %p`,
    stateDir: stateDirOf(m.name),
    cli: sshCliOf(m.name),
    ...(hostKeys[m.name] ? { hostKey: hostKeys[m.name] } : {}),
  };
}

/** The lab's inventory, derived from the topology table (and the sshd host keys `up` made). */
export function labInventory(opts: { machines?: readonly LabMachine[]; hostKeys?: Record<string, string> } = {}): Inventory {
  const ms = opts.machines ?? machines;
  const byRole = (role: LabMachine['role']): LabMachine[] => ms.filter((m) => m.role === role);
  return {
    hosts: byRole('host').map((m) => inventoryHost(m, opts.hostKeys ?? {})),
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
export async function writeInventory(inventory: Inventory = labInventory()): Promise<string> {
  await mkdir(path.dirname(inventoryPath), { recursive: true });
  const tmp = `${inventoryPath}.tmp`;
  await writeFile(tmp, `${JSON.stringify(inventory, null, 2)}\n`);
  await rename(tmp, inventoryPath);
  return inventoryPath;
}
