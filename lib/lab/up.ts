import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackendName } from '../engine/backend';
import { removeLab } from './down';
import { writeHostsFile } from './hosts-files';
import { writeInventory } from './inventory';
import { LabError } from './lab-error';
import { claimLab, releaseLab } from './lab-owner';
import * as netns from './netns';
import { labDir, stateDirOf } from './paths';
import { startService } from './services';
import { directLinks, labNamespaces, machines, overlay, overlayMembers } from './topology';

/** What `up` built. */
export interface LabUpReport {
  namespaces: string[];
  services: { machine: string; namespace: string; port: number; pid: number }[];
  inventoryPath: string;
}

/**
 * Builds the lab from scratch (tearing down any previous one first) and writes the inventory; this
 * process owns the lab until it calls `labDown` or exits. Waits up to `waitMs` for another owner.
 */
export async function labUp(opts: { waitMs?: number; backend?: BackendName } = {}): Promise<LabUpReport> {
  if (process.getuid?.() !== 0) throw new LabError('the lab needs root (network namespaces, veths, iptables)');
  await claimLab(opts.waitMs ?? 100_000);
  await removeLab();
  try {
    return await build(opts.backend);
  } catch (err) {
    await removeLab();
    await releaseLab();
    throw err;
  }
}

async function build(backend: BackendName | undefined): Promise<LabUpReport> {
  await mkdir(labDir, { recursive: true });
  for (const ns of labNamespaces) await netns.addNamespace(ns);

  await netns.addBridge(overlay.namespace, overlay.bridge);
  for (const { machine, iface, port } of overlayMembers()) {
    await netns.addVeth({ ns: machine.namespace, iface: iface.name }, { ns: overlay.namespace, iface: port });
    await netns.attachToBridge(overlay.namespace, port, overlay.bridge);
    await netns.linkUp(overlay.namespace, port);
  }
  for (const { a, b } of directLinks()) {
    await netns.addVeth({ ns: a.machine.namespace, iface: a.iface.name }, { ns: b.machine.namespace, iface: b.iface.name });
  }
  for (const m of machines) {
    for (const iface of m.interfaces) {
      await netns.addAddress(m.namespace, iface.name, `${iface.address}/${iface.prefix}`);
      await netns.linkUp(m.namespace, iface.name);
    }
    // What `weave expose` and Docker leave on a host: forwarding on, FORWARD policy DROP.
    // Everything else must not route, so no path exists that the engine did not make.
    await netns.setSysctl(m.namespace, 'net.ipv4.ip_forward', m.forwarding ? '1' : '0');
    if (m.forwarding) await netns.setFilterPolicy(m.namespace, 'FORWARD', 'DROP');
    if (m.role === 'host') {
      await mkdir(stateDirOf(m.name), { recursive: true });
      // A host's state file names its backend; the engine keeps using it from the first binding on.
      if (backend) await writeFile(path.join(stateDirOf(m.name), 'state.json'), JSON.stringify({ version: 1, backend, bindings: [], exposed: [] }) + '\n');
    }
  }
  for (const ns of labNamespaces) await writeHostsFile(ns);

  const services: LabUpReport['services'] = [];
  for (const m of machines) {
    for (const s of m.services) services.push({ machine: m.name, namespace: m.namespace, port: s.port, pid: await startService(m, s) });
  }
  return { namespaces: [...labNamespaces], services, inventoryPath: await writeInventory() };
}
