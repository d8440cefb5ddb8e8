import type { Binding, HostState } from '../model/binding';
import type { StateView } from './state-view';

/**
 * Where a host keeps its bindings. The file store is the real one; the memory store serves
 * simulated hosts. Reads and writes happen inside `withLock`, so concurrent invocations serialize.
 */
export interface StateStore {
  /** Run `fn` holding the host's state lock; throws EngineError('lock-timeout') if it cannot be had. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  read(): Promise<HostState>;
  /** At most how many bindings the state holds, known without reading it (for a read made before the state is parsed). */
  bindingsAtMost(): Promise<number>;
  /** Replace the state atomically: a reader sees the old state or the new one, never a mix. */
  write(state: HostState): Promise<void>;
  /** The state as a change of one binding needs it, reading no more of it than that needs (see `StateView`). */
  view(): Promise<StateView>;
  /**
   * Replace one binding of the state `view` was read from (same id, kind, protocol and front: a
   * rebind) atomically, writing no more than that change.
   */
  replace(view: StateView, after: Binding): Promise<void>;
}
