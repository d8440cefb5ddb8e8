import { emptyState, type Binding, type HostState } from '../model/binding';
import type { StateStore } from './state-store';
import { replaceBinding, wholeView, type StateView } from './state-view';

/** State held in memory, for simulated hosts; the lock is a promise chain, so callers take turns. */
export class MemoryStateStore implements StateStore {
  private state: HostState = emptyState();
  private tail: Promise<unknown> = Promise.resolve();
  /** Bumped by every write: equal generations mean equal state. */
  generation = 0;

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async read(): Promise<HostState> {
    return structuredClone(this.state);
  }

  async write(state: HostState): Promise<void> {
    this.state = structuredClone(state);
    this.generation++;
  }

  async bindingsAtMost(): Promise<number> {
    return this.state.bindings.length;
  }

  async view(): Promise<StateView> {
    return wholeView(await this.read());
  }

  async replace(_view: StateView, after: Binding): Promise<void> {
    await this.write(replaceBinding(this.state, after));
  }
}
