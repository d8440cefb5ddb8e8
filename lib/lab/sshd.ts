import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './lab-error';
import { mustRun } from './run-command';
import { labDir } from './paths';
import { overlayAddress, type LabMachine } from './topology';

/**
 * Each engine host runs its own sshd inside its namespace, listening only on its overlay address,
 * with host keys and config under the lab dir and only the console's key authorized — so the
 * `ssh` transport meets a real sshd. `down` ends them with everything else in the namespaces.
 */

/** Where the lab keeps sshd configs, host keys and the authorized console key. */
export const sshDir = path.join(labDir, 'ssh');
const hostDirOf = (host: string) => path.join(sshDir, host);
const authorizedKeys = path.join(sshDir, 'authorized_keys');
/** Where the engine bundle is installed on a host reached over ssh. */
export const sshCliOf = (host: string): string => path.join(hostDirOf(host), 'bin', 'switchyard');
/** sshd's privilege separation directory; created by the lab if the machine has none (no sshd service). */
export const privsepDir = '/run/sshd';
/** Marks that the lab created privsepDir, so `down` removes it again. */
export const privsepMarker = `${privsepDir}/.switchyard-lab`;

function sshdConfig(m: LabMachine, address: string): string {
  const dir = hostDirOf(m.name);
  return [
    `ListenAddress ${address}:22`,
    `HostKey ${dir}/ssh_host_ed25519_key`,
    `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${authorizedKeys}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    // The lab dir belongs to root but is not the user's home: skip the home-directory mode checks.
    'StrictModes no',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    // Namespaces share the machine's hostname: the engine is told the host's lab name.
    `SetEnv SWITCHYARD_HOSTNAME=${m.name}`,
    '',
  ].join('\n');
}

/** Authorize the console's public key on every lab sshd. */
export async function authorizeConsoleKey(publicKey: string): Promise<void> {
  await mkdir(sshDir, { recursive: true, mode: 0o700 });
  await writeFile(authorizedKeys, `${publicKey.trim()}\n`, { mode: 0o600 });
}

async function ensurePrivsepDir(): Promise<void> {
  if (existsSync(privsepDir)) return;
  await mkdir(privsepDir, { mode: 0o755 });
  await writeFile(privsepMarker, 'created by the switchyard lab; `npm run lab -- down` removes it\n');
}

/** Start one host's sshd in its namespace; resolves with its pid and public host key once it listens. */
export async function startSshd(m: LabMachine): Promise<{ pid: number; hostKey: string }> {
  const address = overlayAddress(m);
  if (!address) throw new LabError(`${m.name} is not on the overlay: no address for its sshd`);
  const dir = hostDirOf(m.name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await ensurePrivsepDir();
  await mustRun('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${m.name}.lab`, '-f', `${dir}/ssh_host_ed25519_key`]);
  const config = path.join(dir, 'sshd_config');
  await writeFile(config, sshdConfig(m, address));
  // sshd binds its address, then detaches and writes its pid file.
  const r = await execa('ip', ['netns', 'exec', m.namespace, '/usr/sbin/sshd', '-f', config], { reject: false, timeout: 15_000 });
  if (r.exitCode !== 0) throw new LabError(`sshd did not start in ${m.namespace}`, { command: `sshd -f ${config}`, stderr: String(r.stderr) });
  for (let waited = 0; waited < 5_000; waited += 20) {
    const pid = Number((await readFile(path.join(dir, 'sshd.pid'), 'utf8').catch(() => '')).trim());
    if (pid > 0) return { pid, hostKey: (await readFile(`${dir}/ssh_host_ed25519_key.pub`, 'utf8')).trim().split(/\s+/).slice(0, 2).join(' ') };
    await sleep(20);
  }
  throw new LabError(`sshd in ${m.namespace} wrote no pid file`);
}

/** The public host key of a lab host's sshd, if the lab made one. */
export async function labHostKey(host: string): Promise<string | undefined> {
  const text = await readFile(`${hostDirOf(host)}/ssh_host_ed25519_key.pub`, 'utf8').catch(() => '');
  return text.trim().split(/\s+/).slice(0, 2).join(' ') || undefined;
}
