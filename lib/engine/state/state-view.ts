import type { Binding, Exposure, HostState } from '../model/binding';

/**
 * A host's state as a change of one binding needs it: that binding, the bindings on a few fronts
 * (for the clash and loop checks, and a backend's plan), and the exposures. A store can answer these from a sealed state file without parsing every binding;
 * `whole()` reads everything (an unknown id's message, a full sync, an undo).
 */
export interface StateView {
  backend?: HostState['backend'];
  exposed: readonly Exposure[];
  /** The binding with this id, or undefined. */
  binding(id: string): Binding | undefined;
  /** The bindings whose front has this protocol and port (the `FrontLookup` the conflict checks take). */
  atFront(proto: string, port: number): readonly Binding[];
  whole(): Promise<HostState>;
}

/** A view of a state already read whole (a look-up scans it: a change asks only a few). */
export function wholeView(state: HostState): StateView {
  return {
    ...(state.backend ? { backend: state.backend } : {}),
    exposed: state.exposed,
    binding: (id) => state.bindings.find((b) => b.id === id),
    atFront: (proto, port) => state.bindings.filter((b) => b.front.port === port && b.proto === proto),
    whole: async () => state,
  };
}

/** The state with one binding (same id) replaced. */
export const replaceBinding = (state: HostState, after: Binding): HostState => ({
  ...state,
  bindings: state.bindings.map((b) => (b.id === after.id ? after : b)),
});
