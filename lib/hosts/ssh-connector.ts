import { ensureConsoleKey } from './console-key';
import { engineCommand } from './engine-command';
import type { HostConnection } from './host-connection';
import { pinHostKey } from './known-hosts';
import { processConnector } from './process-connection';
import { failedConnection, type Connector } from './session-channel';
import type { SshSettings } from './ssh-settings';

type SshHost = Extract<HostConnection, { transport: 'ssh' }>;

/**
 * `switchyard serve --stdio` on the host through the system ssh, with the console's own key (made
 * on first use) and its pinned host keys; a key the inventory states is pinned before the first try.
 */
export function sshConnector(host: SshHost, settings: SshSettings): Connector {
  const connect = processConnector(host.name, engineCommand(host, ['serve', '--stdio'], true, process.execPath, settings));
  return (events) => {
    try {
      ensureConsoleKey(settings);
      if (host.hostKey) pinHostKey(settings.knownHostsFile, host, host.hostKey);
    } catch (e) {
      return failedConnection(`cannot prepare ssh to ${host.ssh}: ${(e as Error).message}`);
    }
    return connect(events);
  };
}
