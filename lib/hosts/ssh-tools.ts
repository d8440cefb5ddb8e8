import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostConnection } from './host-connection';
import { fingerprint, knownHostsName, pinHostKey } from './known-hosts';
import { sshOptions, type SshSettings } from './ssh-settings';

type SshHost = Extract<HostConnection, { transport: 'ssh' }>;

/** What an ssh tool run left: the host's own words on failure. */
export class SshToolError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(stderr.trim() ? `${message}: ${stderr.trim().split('\n').slice(-2).join(' ')}` : message);
    this.name = 'SshToolError';
  }
}

/**
 * The key a host presents, learned through the same path the console uses (ssh with its port and
 * ProxyCommand) into a throwaway known_hosts; nothing is trusted by this step alone.
 */
export async function scanHostKey(host: SshHost, s: SshSettings): Promise<{ key: string; fingerprint: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'switchyard-scan-'));
  try {
    const scratch = path.join(dir, 'known_hosts');
    const options = sshOptions({ ...s, knownHostsFile: scratch }, host).map((o) => (o === 'StrictHostKeyChecking=yes' ? 'StrictHostKeyChecking=accept-new' : o));
    // Authentication may fail (the key is not authorized yet); the host key is recorded before it.
    const r = await execa('ssh', [...options, '-T', host.ssh, '--', 'true'], { reject: false, timeout: 20_000, stdin: 'ignore' });
    const line = (await readFile(scratch, 'utf8').catch(() => '')).split('\n').find((l) => l.trim());
    if (!line) throw new SshToolError(`could not read ${host.name}'s host key over ssh`, String(r.stderr));
    const key = line.trim().split(/\s+/).slice(1, 3).join(' ');
    return { key, fingerprint: fingerprint(key) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Record a host's key as trusted in the console's known_hosts. */
export const trustHostKey = (host: SshHost, s: SshSettings, key: string) => ({ name: knownHostsName(host), outcome: pinHostKey(s.knownHostsFile, host, key) });

const quote = (p: string) => `'${p.replaceAll("'", `'"'"'`)}'`;

/**
 * Install the one-file engine bundle on a host over ssh (same options as the sessions: pinned
 * keys only): written beside its destination, made executable, then renamed into place.
 */
export async function installEngine(host: SshHost, s: SshSettings, bundle: string, destination: string): Promise<void> {
  if (!destination.startsWith('/')) throw new SshToolError(`install path must be absolute, got "${destination}"`, '');
  const tmp = `${destination}.installing`;
  const script = `mkdir -p ${quote(path.posix.dirname(destination))} && cat > ${quote(tmp)} && chmod 755 ${quote(tmp)} && mv -f ${quote(tmp)} ${quote(destination)}`;
  const r = await execa('ssh', [...sshOptions(s, host), '-T', host.ssh, '--', script], { reject: false, timeout: 60_000, input: await readFile(bundle) });
  if (r.exitCode !== 0) throw new SshToolError(`installing the engine on ${host.name} failed (exit ${r.exitCode})`, String(r.stderr));
}
