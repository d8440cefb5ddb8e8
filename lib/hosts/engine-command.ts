import path from 'node:path';
import type { HostConnection } from './host-connection';
import { sshOptions, sshSettings, type SshSettings } from './ssh-settings';

export type { SshSettings } from './ssh-settings';

/** A process to start: a file and its argument array (never a shell line). */
export interface ProcessCommand {
  file: string;
  args: string[];
}

/** Where `npm run build:cli` leaves the engine bundle. */
export const defaultCli = (): string => path.resolve(process.cwd(), 'dist/switchyard.mjs');

// The remote side of ssh joins its arguments into one shell line, so each must be quoted there.
const quoteForRemoteShell = (arg: string): string =>
  /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'"'"'`)}'`;

/**
 * The process that runs `switchyard --json <args>` for a non-simulated host.
 * `isRoot` decides whether the local transport needs `sudo -n`; `ssh` names the console's key and
 * pinned host keys (by default those in the data dir).
 */
export function engineCommand(
  host: Exclude<HostConnection, { transport: 'sim' }>,
  args: readonly string[],
  isRoot: boolean,
  node: string = process.execPath,
  ssh: SshSettings = sshSettings(),
): ProcessCommand {
  switch (host.transport) {
    case 'local': {
      const engine = [node, host.cli ?? defaultCli(), ...(host.stateDir ? ['--state-dir', host.stateDir] : []), '--json', ...args];
      return isRoot ? { file: engine[0], args: engine.slice(1) } : { file: 'sudo', args: ['-n', ...engine] };
    }
    case 'netns':
      // Namespaces share the machine's hostname, so the engine is told the inventory's name for it.
      return {
        file: 'ip',
        args: ['netns', 'exec', host.namespace, 'env', `SWITCHYARD_HOSTNAME=${host.name}`, node, host.cli, '--state-dir', host.stateDir, '--json', ...args],
      };
    case 'ssh': {
      const remote = [host.cli ?? 'switchyard', ...(host.stateDir ? ['--state-dir', host.stateDir] : []), '--json', ...args];
      return {
        file: 'ssh',
        args: [...sshOptions(ssh, host), '-T', host.ssh, '--', remote.map(quoteForRemoteShell).join(' ')],
      };
    }
  }
}
