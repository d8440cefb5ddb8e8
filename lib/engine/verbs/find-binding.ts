import { EngineError } from '../errors';
import type { Binding, HostState } from '../model/binding';

/** The binding with this id, refusing an unknown id or a revision other than the caller loaded. */
export function findBinding(state: HostState, id: string, hostname: string, expectRevision?: number): Binding {
  const b = state.bindings.find((x) => x.id === id);
  if (!b) {
    const known = state.bindings.map((x) => x.id).join(', ') || 'none';
    throw new EngineError('unknown-id', `id: no binding "${id}" on ${hostname} (bindings: ${known})`, { field: 'id' });
  }
  return checkRevision(b, expectRevision);
}

/** The binding, refusing it when its revision is not the one the caller loaded. */
export function checkRevision(b: Binding, expectRevision?: number): Binding {
  if (expectRevision !== undefined && b.revision !== expectRevision) {
    throw new EngineError('conflict', `binding "${b.id}" changed since you loaded it (you loaded revision ${expectRevision}, it is now ${b.revision})`, {
      field: 'revision',
    });
  }
  return b;
}
