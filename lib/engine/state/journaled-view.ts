import type { Binding, HostState } from '../model/binding';
import type { JournalRecord } from './state-journal';
import type { SealedSnapshot } from './state-text';
import type { StateView } from './state-view';

/**
 * A sealed state file and the journal's records on top of it, read without parsing every binding:
 * the bindings a rebind asks about are found in the file's bytes, the records' versions win.
 */
export class JournaledView implements StateView {
  private readonly latest = new Map<string, Binding>();

  constructor(
    private readonly snapshot: SealedSnapshot,
    readonly records: readonly JournalRecord[],
    /** Where the next record goes: after the last whole record written against this file (0: start afresh). */
    readonly appendAt: number,
    readonly journalExists: boolean,
    readonly whole: () => Promise<HostState>,
  ) {
    for (const r of records) this.latest.set(r.after.id, r.after);
  }

  get backend() {
    return this.snapshot.backend;
  }
  get exposed() {
    return this.snapshot.exposed;
  }
  get seal() {
    return this.snapshot.seal;
  }
  binding(id: string): Binding | undefined {
    return this.latest.get(id) ?? this.snapshot.binding(id);
  }
  atFront(proto: string, port: number): readonly Binding[] {
    return this.snapshot.atFront(proto, port).map((b) => this.latest.get(b.id) ?? b);
  }
}
