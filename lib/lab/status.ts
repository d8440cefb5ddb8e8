import { access, readFile } from 'node:fs/promises';
import { labOwner } from './lab-owner';
import * as netns from './netns';
import { inventoryPath, labSizePath } from './paths';
import { serviceAlive } from './services';
import { labMachines, overlay, type LabMachine } from './topology';

/** One lab machine as it is now. */
export interface MachineStatus {
  name: string;
  namespace: string;
  present: boolean;
  interfaces: { name: string; address: string; peer: string; present: boolean }[];
  services: { port: number; proto: 'tcp'; running: boolean }[];
  runsOn?: string;
  reaches?: string[];
}

/** `status --json`: the lab's machines by role, and whether all of it is in place. */
export interface LabStatus {
  up: boolean;
  /** What is missing, in words; empty when the lab is up. */
  problems: string[];
  inventoryPath: string | null;
  /** The live process that brought the lab up and will take it down (tests, e2e), if any. */
  owner: number | null;
  overlay: { namespace: string; present: boolean };
  hosts: MachineStatus[];
  containers: MachineStatus[];
  services: MachineStatus[];
  clients: MachineStatus[];
}

/** Reports which of the lab's namespaces, addresses and services exist right now. */
export async function labStatus(): Promise<LabStatus> {
  const present = new Set(await netns.listNamespaces());
  const problems: string[] = [];
  const extraHosts = Number((await readFile(labSizePath, 'utf8').catch(() => '0')).trim()) || 0;
  const machines = labMachines(extraHosts);
  const all = await Promise.all(machines.map((m) => machineStatus(m, present.has(m.namespace), problems)));
  const overlayNs = overlay.namespace;
  if (!present.has(overlayNs)) problems.push(`namespace ${overlayNs} missing`);
  const inventory = await access(inventoryPath).then(
    () => inventoryPath,
    () => null,
  );
  if (!inventory) problems.push(`inventory ${inventoryPath} missing`);
  const withRole = (role: LabMachine['role']) => all.filter((_, i) => machines[i].role === role);
  return {
    up: problems.length === 0,
    problems,
    inventoryPath: inventory,
    owner: (await labOwner()) ?? null,
    overlay: { namespace: overlayNs, present: present.has(overlayNs) },
    hosts: withRole('host'),
    containers: withRole('container'),
    services: withRole('outside'),
    clients: withRole('client'),
  };
}

async function machineStatus(m: LabMachine, present: boolean, problems: string[]): Promise<MachineStatus> {
  if (!present) problems.push(`namespace ${m.namespace} missing`);
  const live = present ? await netns.namespaceAddresses(m.namespace) : {};
  const interfaces = m.interfaces.map((i) => {
    const address = `${i.address}/${i.prefix}`;
    const ok = (live[i.name] ?? []).includes(address);
    if (present && !ok) problems.push(`${m.name}: ${i.name} lacks ${address}`);
    return { name: i.name, address, peer: i.peer, present: ok };
  });
  const services = await Promise.all(
    m.services.map(async (s) => {
      const running = await serviceAlive(m, s);
      if (present && !running) problems.push(`${m.name}: service on ${s.port} not running`);
      return { port: s.port, proto: s.proto, running };
    }),
  );
  return {
    name: m.name,
    namespace: m.namespace,
    present,
    interfaces,
    services,
    ...(m.runsOn ? { runsOn: m.runsOn } : {}),
    ...(m.reaches ? { reaches: m.reaches } : {}),
  };
}
