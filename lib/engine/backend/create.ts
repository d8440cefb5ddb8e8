import { IptablesBackend } from '../iptables/backend';
import type { IptablesCommands } from '../iptables/kernel';
import { NftBackend } from '../nft/backend';
import type { CommandRunner } from '../runner/command-runner';
import type { Backend, BackendName } from './backend';

/** The backend of that name, running its commands through `runner`. */
export function createBackend(name: BackendName, runner: CommandRunner, iptables: IptablesCommands): Backend {
  return name === 'nft' ? new NftBackend(runner, iptables) : new IptablesBackend(runner, iptables);
}
