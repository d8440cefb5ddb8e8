import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { delimiter, join } from 'node:path';

// Interface flags (IFF_UP is bit 0) per interface, read from sysfs: no process per tick.
async function linkFlags(): Promise<string> {
  const names = await readdir('/sys/class/net').catch(() => [] as string[]);
  const flags = await Promise.all(names.map((n) => readFile(join('/sys/class/net', n, 'flags'), 'utf8').catch(() => '?')));
  return names.map((n, i) => `${n}=${flags[i].trim()}`).join(',');
}

// Where `weave` would be found on PATH (readFacts asks it whether Weave is installed).
async function weavePath(): Promise<string> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const file = join(dir, 'weave');
    if (await access(file, constants.X_OK).then(() => true, () => false)) return file;
  }
  return '';
}

/**
 * A fingerprint of everything `readFacts` reports about a real host, taken without starting a
 * process: interfaces and their flags (sysfs), their addresses (getifaddrs), ip_forward (procfs)
 * and whether Weave is installed (PATH). Equal stamps mean equal facts.
 */
export async function realFactStamp(): Promise<string> {
  const [links, forward, weave] = await Promise.all([linkFlags(), readFile('/proc/sys/net/ipv4/ip_forward', 'utf8').catch(() => '?'), weavePath()]);
  return [links, JSON.stringify(networkInterfaces()), forward.trim(), weave].join('\n');
}
