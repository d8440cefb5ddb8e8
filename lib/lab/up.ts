import { mkdir, writeFile } from 'node:fs/promises';
import { ensureConsoleKey } from '../hosts/console-key';
import { pinHostKey, unpinHostKey } from '../hosts/known-hosts';
import { installEngine } from '../hosts/ssh-tools';
import { sshSettings, type SshSettings } from '../hosts/ssh-settings';
import { removeLab } from './down';
import { hostsFileText, writeHostsFile } from './hosts-files';
import { labInventory, writeInventory, type InventoryHost } from './inventory';
import { LabError } from './lab-error';
import { claimLab, releaseLab } from './lab-owner';
import * as netns from './netns';
import { cliPath, labDir, labSizePath, stateDirOf } from './paths';
import { startService } from './services';
import { authorizeConsoleKey, startSshd } from './sshd';
import { directLinks, labMachines, namespacesOf, overlay, overlayMembers } from './topology';

/** What `up` built. */
export interface LabUpReport {
  namespaces: string[];
  services: { machine: string; namespace: string; port: number; pid: number }[];
  /** One sshd per engine host. */
  sshd: { host: string; pid: number }[];
  inventoryPath: string;
}

/**
 * Builds the lab from scratch (tearing down any previous one first) and writes the inventory; this
 * process owns the lab until it calls `labDown` or exits. Waits up to `waitMs` for another owner.
 * `extraHosts` adds that many engine hosts (each with a container and a service) beside the seed's.
 * `consoleDataDir` is the data dir of the console that will use the lab (its ssh key is authorized
 * on the lab's sshds and its known_hosts pinned); `SWITCHYARD_DATA_DIR` or `.switchyard/` by default.
 */
export async function labUp(opts: { waitMs?: number; extraHosts?: number; consoleDataDir?: string } = {}): Promise<LabUpReport> {
  if (process.getuid?.() !== 0) throw new LabError('the lab needs root (network namespaces, veths, iptables)');
  const ms = labMachines(opts.extraHosts ?? 0); // checks the number before anything is touched
  await claimLab(opts.waitMs ?? 100_000);
  await removeLab();
  try {
    return await build(ms, opts.extraHosts ?? 0, sshSettings(opts.consoleDataDir));
  } catch (err) {
    await removeLab();
    await releaseLab();
    throw err;
  }
}

async function build(ms: ReturnType<typeof labMachines>, extraHosts: number, ssh: SshSettings): Promise<LabUpReport> {
  await mkdir(labDir, { recursive: true });
  await writeFile(labSizePath, `${extraHosts}\n`);
  const namespaces = namespacesOf(ms);
  for (const ns of namespaces) await netns.addNamespace(ns);

  await netns.addBridge(overlay.namespace, overlay.bridge);
  for (const { machine, iface, port } of overlayMembers(ms)) {
    await netns.addVeth({ ns: machine.namespace, iface: iface.name }, { ns: overlay.namespace, iface: port });
    await netns.attachToBridge(overlay.namespace, port, overlay.bridge);
    await netns.linkUp(overlay.namespace, port);
  }
  for (const { a, b } of directLinks(ms)) {
    await netns.addVeth({ ns: a.machine.namespace, iface: a.iface.name }, { ns: b.machine.namespace, iface: b.iface.name });
  }
  for (const m of ms) {
    for (const iface of m.interfaces) {
      await netns.addAddress(m.namespace, iface.name, `${iface.address}/${iface.prefix}`);
      await netns.linkUp(m.namespace, iface.name);
    }
    // What `weave expose` and Docker leave on a host: forwarding on, FORWARD policy DROP.
    // Everything else must not route, so no path exists that the engine did not make.
    await netns.setSysctl(m.namespace, 'net.ipv4.ip_forward', m.forwarding ? '1' : '0');
    if (m.forwarding) await netns.setFilterPolicy(m.namespace, 'FORWARD', 'DROP');
    if (m.role === 'host') await mkdir(stateDirOf(m.name), { recursive: true });
  }
  const hosts = hostsFileText(ms);
  for (const ns of namespaces) await writeHostsFile(ns, hosts);

  const services: LabUpReport['services'] = [];
  for (const m of ms) {
    for (const s of m.services) services.push({ machine: m.name, namespace: m.namespace, port: s.port, pid: await startService(m, s) });
  }

  // Every engine host runs an sshd that trusts the console's own key.
  await authorizeConsoleKey(ensureConsoleKey(ssh));
  const sshd: LabUpReport['sshd'] = [];
  const hostKeys: Record<string, string> = {};
  for (const m of ms.filter((x) => x.role === 'host')) {
    const started = await startSshd(m);
    sshd.push({ host: m.name, pid: started.pid });
    hostKeys[m.name] = started.hostKey;
  }
  const inventory = labInventory({ machines: ms, hostKeys });
  // Hosts reached over ssh get the engine the way any host does: the bundle copied over ssh.
  for (const h of inventory.hosts.filter((x): x is Extract<InventoryHost, { transport: 'ssh' }> => x.transport === 'ssh')) {
    // The lab just made this host's keys anew: a pin from an earlier lab is no longer its key.
    unpinHostKey(ssh.knownHostsFile, h);
    pinHostKey(ssh.knownHostsFile, h, h.hostKey!);
    await installEngine(h, ssh, cliPath, h.cli);
  }
  return { namespaces, services, sshd, inventoryPath: await writeInventory(inventory) };
}
