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

// Which backend the state file names; re-read only when the file changed (it can be megabytes).
function stateBackend(stateDir: string): (stamp: string) => Promise<string> {
  let seen = '';
  let backend = 'iptables';
  return async (stamp) => {
    if (stamp !== seen) {
      seen = stamp;
      const text = await readFile(join(stateDir, 'state.json'), 'utf8').catch(() => '');
      backend = /"backend"\s*:\s*"nft"/.test(text) ? 'nft' : 'iptables';
    }
    return backend;
  };
}

/**
 * The probe of a real host: the state file's mtime and size, ip_forward, interfaces and their
 * addresses from the kernel's own tables, one `iptables-save -c` (rules and counters; also the nft
 * backend's FORWARD jump and foreign rules), and on the nft backend its own table.
 */
export function realHostProbe(stateDir: string, runner: CommandRunner, iptables: IptablesCommands): HostProbe {
  const backendOf = stateBackend(stateDir);
  return async () => {
    const state = await stat(join(stateDir, 'state.json')).then((s) => `${s.mtimeMs}:${s.size}`, () => 'none');
    const nft = (await backendOf(state)) === 'nft';
    const [forward, links, save, table] = await Promise.all([
      readFile('/proc/sys/net/ipv4/ip_forward', 'utf8').catch(() => '?'),
      linkFlags(),
      runner.run(iptables.save, ['-c']),
      nft ? runner.run('nft', ['list', 'table', 'ip', 'switchyard']) : Promise.resolve({ exitCode: 0, stdout: '', stderr: '' }),
    ]);
    return digest([state, forward, links, JSON.stringify(networkInterfaces()), String(save.exitCode), save.stdout, String(table.exitCode), table.stdout]);
  };
}

/** A probe built from any pieces of text (the simulated host's netfilter dump, state, facts). */
export const textProbe = (read: () => Promise<readonly string[]>): HostProbe => async () => digest(await read());
