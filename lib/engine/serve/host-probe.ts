import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { IptablesCommands } from '../iptables/kernel';
import type { CommandRunner } from '../runner/command-runner';

/** A cheap fingerprint of everything a status report is made of; equal digests mean nothing changed. */
export type HostProbe = () => Promise<string>;

const digest = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\0')).digest('hex');

// Interface flags (IFF_UP is bit 0) per interface, read from sysfs: no process per tick.
async function linkFlags(): Promise<string> {
  const names = await readdir('/sys/class/net').catch(() => [] as string[]);
  const flags = await Promise.all(names.map((n) => readFile(join('/sys/class/net', n, 'flags'), 'utf8').catch(() => '?')));
  return names.map((n, i) => `${n}=${flags[i].trim()}`).join(',');
}

/**
 * The probe of a real host: the state file's mtime and size, ip_forward, interfaces and their
 * addresses from the kernel's own tables, and one `iptables-save -c` (rules and counters).
 */
export function realHostProbe(stateDir: string, runner: CommandRunner, iptables: IptablesCommands): HostProbe {
  return async () => {
    const [state, forward, links, save] = await Promise.all([
      stat(join(stateDir, 'state.json')).then((s) => `${s.mtimeMs}:${s.size}`, () => 'none'),
      readFile('/proc/sys/net/ipv4/ip_forward', 'utf8').catch(() => '?'),
      linkFlags(),
      runner.run(iptables.save, ['-c']),
    ]);
    return digest([state, forward, links, JSON.stringify(networkInterfaces()), String(save.exitCode), save.stdout]);
  };
}

/** A probe built from any pieces of text (the simulated host's netfilter dump, state, facts). */
export const textProbe = (read: () => Promise<readonly string[]>): HostProbe => async () => digest(await read());
