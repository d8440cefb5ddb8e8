import { engineCommand } from './engine-command';
import { sshConnector } from './ssh-connector';
import { sshSettings, type SshSettings } from './ssh-settings';
import type { HostConnection } from './host-connection';
import { processConnector } from './process-connection';
import { ReconnectingSession, type SessionOptions } from './reconnecting-session';
import type { HostSession } from './session';
import type { Connector } from './session-channel';
import { simConnector } from './sim-connection';
import type { SimNetwork } from './sim/sim-network';
import { embeddedSimNetwork } from './sim/sim-network';

/** Where a session finds what it needs besides the host's own entry. */
export interface OpenSessionOptions extends SessionOptions {
  /** The simulated network `sim` hosts live on; the embedded seed network by default. */
  simNetwork?: () => Promise<SimNetwork>;
  /** How often a simulated host is checked for changes (default 250 ms; real hosts check themselves every 2 s). */
  simWatchIntervalMs?: number;
  /** The console's ssh key and pinned host keys (ssh transport). */
  ssh?: SshSettings;
}

// A simulated host's check compares generation counters (microseconds), so it can run often:
// a change behind the console's back reaches the browser in a fraction of the real hosts' 2 s.
const defaultSimWatchIntervalMs = 250;

const isRoot = (): boolean => process.getuid?.() === 0;

// A simulated host is found asynchronously; until then the connection is one that waits for it.
function lazySimConnector(name: string, network: () => Promise<SimNetwork>, watchIntervalMs?: number): Connector {
  return (events) => {
    const opened = network().then((net) => {
      const host = net.get(name);
      if (!host) throw new Error(`no simulated host named ${name}`);
      return simConnector(host, watchIntervalMs)(events);
    });
    const failed = (e: unknown) => (e instanceof Error ? e.message : String(e));
    return {
      ready: opened.then((c) => c.ready),
      ended: opened.then((c) => c.ended, failed),
      request: (args, input, timeoutMs) => opened.then((c) => c.request(args, input, timeoutMs)),
      close: () => void opened.then((c) => c.close(), () => undefined),
    };
  };
}

/** The connector for one host over its transport: in process (sim) or a `serve --stdio` process. */
export function connectorFor(host: HostConnection, opts: OpenSessionOptions = {}): Connector {
  if (host.transport === 'sim') return lazySimConnector(host.name, opts.simNetwork ?? embeddedSimNetwork, opts.simWatchIntervalMs ?? defaultSimWatchIntervalMs);
  if (host.transport === 'ssh') return sshConnector(host, opts.ssh ?? sshSettings());
  return processConnector(host.name, engineCommand(host, ['serve', '--stdio'], isRoot(), process.execPath, opts.ssh));
}

/** Open a self-restarting session to one host (sim, local, netns or ssh). */
export function openHostSession(host: HostConnection, opts: OpenSessionOptions = {}): HostSession {
  return new ReconnectingSession(host.name, connectorFor(host, opts), opts);
}
