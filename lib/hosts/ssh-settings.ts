import path from 'node:path';
import { dataDir } from '@/lib/store/data-dir';

/** The console's own ssh identity and the host keys it trusts, both in its data dir. */
export interface SshSettings {
  /** Private key the console authenticates with (`<data dir>/ssh/id_ed25519`). */
  identityFile: string;
  /** The only host keys the console trusts (`<data dir>/ssh/known_hosts`). */
  knownHostsFile: string;
}

/** The ssh files in a data dir. */
export function sshSettings(dir: string = dataDir()): SshSettings {
  return { identityFile: path.join(dir, 'ssh', 'id_ed25519'), knownHostsFile: path.join(dir, 'ssh', 'known_hosts') };
}

/**
 * Options every ssh and scp run gets: never prompt, the console's key only, and only pinned host
 * keys (an unknown or changed key is refused, never learned), with keepalives so a silent
 * network ends the session instead of hanging it.
 */
export function sshOptions(s: SshSettings, host: { port?: number; proxyCommand?: string }): string[] {
  const o = (v: string) => ['-o', v];
  return [
    ...o('BatchMode=yes'),
    ...o('ConnectTimeout=5'),
    ...o('ServerAliveInterval=5'),
    ...o('ServerAliveCountMax=3'),
    ...o(`IdentityFile=${s.identityFile}`),
    ...o('IdentitiesOnly=yes'),
    ...o(`UserKnownHostsFile=${s.knownHostsFile}`),
    ...o('GlobalKnownHostsFile=/dev/null'),
    ...o('StrictHostKeyChecking=yes'),
    ...o('LogLevel=ERROR'),
    ...(host.port ? o(`Port=${host.port}`) : []),
    ...(host.proxyCommand ? o(`ProxyCommand=${host.proxyCommand}`) : []),
  ];
}
