import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { removeEmptyNetnsEtc, removeHostsFile } from './hosts-files';
import * as netns from './netns';
import { assertMayTakeDown, releaseLab } from './lab-owner';
import { labDir } from './paths';
import { stopProcess, stopServices } from './services';
import { privsepDir, privsepMarker } from './sshd';
import { everyLabNamespace, machine, overlayAddress } from './topology';
import { sshHosts } from './inventory';
import { unpinHostKey } from '../hosts/known-hosts';
import { sshSettings } from '../hosts/ssh-settings';

/** What `down` removed. */
export interface LabDownReport {
  namespaces: string[];
  processes: number;
}

/** Removes every namespace, process and file the lab made; safe to run when nothing is up. Refuses while another live process owns the lab. */
export async function labDown(): Promise<LabDownReport> {
  await assertMayTakeDown();
  const report = await removeLab();
  await releaseLab();
  return report;
}

/** Removes the lab's namespaces, processes and files, whoever owns it (`up` calls this after claiming it). */
export async function removeLab(): Promise<LabDownReport> {
  await stopServices();
  const ours = new Set(everyLabNamespace());
  const present = (await netns.listNamespaces()).filter((ns) => ours.has(ns));
  let processes = 0;
  for (const ns of present) {
    // Anything still running inside a lab namespace was started in the lab (a client, a stray service).
    for (const pid of await netns.namespacePids(ns)) {
      await stopProcess(pid);
      processes++;
    }
  }
  for (const ns of present) await netns.deleteNamespace(ns);
  for (const ns of ours) await removeHostsFile(ns);
  if (existsSync(privsepMarker)) await rm(privsepDir, { recursive: true, force: true });
  // The pins `up` wrote for the lab's sshds name keys that no longer exist.
  for (const host of sshHosts) unpinHostKey(sshSettings().knownHostsFile, { ssh: `root@${overlayAddress(machine(host))}` });
  await removeEmptyNetnsEtc();
  await rm(labDir, { recursive: true, force: true });
  return { namespaces: present, processes };
}
