import { EngineError, badInput } from '../errors';
import type { HostState } from '../model/binding';
import { backendNames, type BackendName } from './backend';

/** Parse a backend name given by `--backend` or `SWITCHYARD_BACKEND`. */
export function parseBackendName(field: string, v: string): BackendName {
  if (!(backendNames as readonly string[]).includes(v)) throw badInput(field, `must be ${backendNames.join(' or ')}, got "${v}"`);
  return v as BackendName;
}

/** What choosing a backend looks at: the backend a state names, and whether it holds anything. */
type StateHead = Pick<HostState, 'backend'> & { bindings: { length: number }; exposed: { length: number } };

/** The backend a state file says holds its bindings (files written before backends existed: iptables). */
export function recordedBackend(state: StateHead): BackendName | undefined {
  const inUse = state.bindings.length > 0 || state.exposed.length > 0;
  return inUse ? (state.backend ?? 'iptables') : undefined;
}

/**
 * Which backend serves this host: the one its state records while it holds anything, else the
 * one asked for, else the one an empty state file names (a host set up for nft), else iptables. Asking for another one than the state records is a conflict:
 * moving bindings between backends is `migrate`'s job.
 */
export function chooseBackend(state: StateHead, asked: BackendName | undefined): BackendName {
  const recorded = recordedBackend(state);
  if (recorded && asked && asked !== recorded) {
    throw new EngineError('conflict', `backend: this host's bindings are held by the ${recorded} backend; run \`switchyard migrate --to ${asked}\` to move them`, {
      field: 'backend',
    });
  }
  return recorded ?? asked ?? state.backend ?? 'iptables';
}
