import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { netnsEtcDir, netnsEtcRoot } from './paths';
import { machines, overlayAddress, type LabMachine } from './topology';

/** The `/etc/hosts` every lab namespace sees: the overlay names, as Weave DNS would answer them. */
export function hostsFileText(ms: readonly LabMachine[] = machines): string {
  const lines = ['127.0.0.1\tlocalhost', '# switchyard lab: overlay names, as Weave DNS would answer them'];
  for (const m of ms) {
    const address = overlayAddress(m);
    if (address && m.dnsNames.length) lines.push(`${address}\t${m.dnsNames.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `/etc/netns/<ns>/hosts`, which `ip netns exec <ns>` mounts over `/etc/hosts`. */
export async function writeHostsFile(namespace: string, text: string = hostsFileText()): Promise<void> {
  const dir = netnsEtcDir(namespace);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'hosts'), text);
}

/** Removes `/etc/netns/<ns>` (only the lab's own namespaces are ever passed here). */
export async function removeHostsFile(namespace: string): Promise<void> {
  await rm(netnsEtcDir(namespace), { recursive: true, force: true });
}

/** Removes `/etc/netns` itself once no namespace has files there (it did not exist before the lab). */
export async function removeEmptyNetnsEtc(): Promise<void> {
  await rmdir(netnsEtcRoot).catch(() => undefined);
}
