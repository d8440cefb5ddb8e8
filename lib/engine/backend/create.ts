import { EngineError } from '../errors';
import { IptablesBackend } from '../iptables/backend';
import type { IptablesCommands } from '../iptables/kernel';
import type { CommandRunner } from '../runner/command-runner';
import type { Backend, BackendName } from './backend';

/** The backend of that name, running its commands through `runner`. */
export function createBackend(name: BackendName, runner: CommandRunner, iptables: IptablesCommands): Backend {
  if (name === 'iptables') return new IptablesBackend(runner, iptables);
  throw new EngineError('bad-input', 'backend: the nftables backend is not available yet; use --backend iptables', { field: 'backend' });
}
