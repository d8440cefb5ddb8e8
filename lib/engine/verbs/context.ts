import { chooseBackend, createBackend, type Backend, type BackendName } from '../backend';
import { readFacts } from '../host/facts';
import type { FactsReader } from '../host/remembered-facts';
import type { IptablesCommands } from '../iptables/kernel';
import type { CommandRunner } from '../runner/command-runner';
import type { StateStore } from '../state/state-store';

/** What every verb works with: the host's processes, its state, which iptables, its name. */
export interface EngineContext {
  runner: CommandRunner;
  store: StateStore;
  iptables: IptablesCommands;
  hostname: string;
  /** The backend asked for by `--backend` or `SWITCHYARD_BACKEND`, if any. */
  askedBackend?: BackendName;
  /** The state directory, when the state is a file there (where `watch` leaves its record). */
  stateDir?: string;
  /** How facts are read: `readFacts` by default, a session's remembered copy in `serve`. */
  facts?: FactsReader;
}

/** The host's facts (interfaces, addresses, ip_forward, Weave), as the context reads them. */
export const hostFacts = (ctx: EngineContext) => (ctx.facts ?? readFacts)(ctx.runner, ctx.hostname);

/** The backend that holds this host's rules, given its state (see `chooseBackend`). */
export const backendOf = (ctx: EngineContext, state: Parameters<typeof chooseBackend>[0]): Backend =>
  createBackend(chooseBackend(state, ctx.askedBackend), ctx.runner, ctx.iptables);
