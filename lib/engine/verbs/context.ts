import type { IptablesCommands } from '../iptables/kernel';
import type { CommandRunner } from '../runner/command-runner';
import type { StateStore } from '../state/state-store';

/** What every verb works with: the host's processes, its state, which iptables, its name. */
export interface EngineContext {
  runner: CommandRunner;
  store: StateStore;
  iptables: IptablesCommands;
  hostname: string;
}
