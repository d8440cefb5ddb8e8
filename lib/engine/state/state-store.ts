import type { HostState } from '../model/binding';

/**
 * Where a host keeps its bindings. The file store is the real one; the memory store serves
 * simulated hosts. Reads and writes happen inside `withLock`, so concurrent invocations serialize.
 */
export interface StateStore {
  /** Run `fn` holding the host's state lock; throws EngineError('lock-timeout') if it cannot be had. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  read(): Promise<HostState>;
  /** Replace the state atomically: a reader sees the old state or the new one, never a mix. */
  write(state: HostState): Promise<void>;
}
