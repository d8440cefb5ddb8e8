import { constants } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EngineError, fileSystemError } from '../errors';
import { emptyState, type Binding, type HostState } from '../model/binding';
import { JournaledView } from './journaled-view';
import { applyRecords, journalError, journalLine, parseJournal, recordsFor, type Journal } from './state-journal';
import { parseHostState } from './state-schema';
import { namedSeal, sealedSnapshot, stateBytes } from './state-text';
import type { StateStore } from './state-store';
import { replaceBinding, wholeView, type StateView } from './state-view';
import { withLockFile } from './lock';

/** A rebind appends to the journal until it holds this many records; the next change rewrites the state file instead. */
export const foldEvery = 64;

/** The bytes of the state file and of the journal, as of one moment (null: no such file). */
interface StateFiles {
  snapshot: Buffer | null;
  journal: Buffer | null;
}

/** The files of the state kept in `dir`: the state file and the journal beside it. */
export const stateFiles = (dir: string) => ({ file: join(dir, 'state.json'), journal: join(dir, 'state.journal') });

/**
 * The real store: `<dir>/state.json`, written temp + fsync + rename, plus `<dir>/state.journal`,
 * where a rebind appends one fsynced record instead (see `state-journal.ts`); guarded by `<dir>/lock`.
 * Every read applies the journal, so every verb sees the same state.
 */
export class FileStateStore implements StateStore {
  readonly file: string;
  readonly journalFile: string;

  constructor(
    readonly dir: string,
    private readonly lockTimeoutMs = 10_000,
  ) {
    ({ file: this.file, journal: this.journalFile } = stateFiles(dir));
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.makeDir();
    return withLockFile(join(this.dir, 'lock'), this.lockTimeoutMs, fn);
  }

  private async makeDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 }).catch(async (e: unknown) => {
      throw fileSystemError(await realMkdirError(this.dir, e), `create the state directory ${this.dir}`);
    });
  }

  async read(): Promise<HostState> {
    return this.wholeOf(await this.readFiles());
  }

  /** From the state file's size alone: every binding takes more than 100 bytes of it (a rebind's record changes no count). */
  async bindingsAtMost(): Promise<number> {
    const file = await stat(this.file).catch(() => null);
    return file ? Math.ceil(file.size / 100) : 0;
  }

  /**
   * Both files as of one moment. A reader without the lock may race a rewrite (new state file,
   * then the journal removed): the state file is the same one after the journal was read, or both
   * are read again.
   */
  private async readFiles(): Promise<StateFiles> {
    for (;;) {
      const snapshot = await readIfThere(this.file);
      const journal = snapshot && (await readIfThere(this.journalFile));
      const now = await stat(this.file).then((s) => s.ino, () => null);
      if (now === (snapshot?.ino ?? null)) return { snapshot: snapshot?.bytes ?? null, journal: journal?.bytes ?? null };
    }
  }

  /** The whole state of both files: the state file (validated in full unless sealed), the journal's records applied. */
  private wholeOf(files: StateFiles): HostState {
    if (!files.snapshot) return emptyState();
    const state = parseHostState(files.snapshot, this.file);
    return applyRecords(state, recordsFor(this.journalOf(files.journal), namedSeal(files.snapshot)));
  }

  private journalOf(bytes: Buffer | null): Journal {
    if (!bytes) return { records: [], length: 0, trusted: true };
    try {
      return parseJournal(bytes);
    } catch (e) {
      throw e instanceof EngineError ? journalError(e, this.journalFile) : e;
    }
  }

  async view(): Promise<StateView> {
    const files = await this.readFiles();
    const sealed = files.snapshot && sealedSnapshot(files.snapshot);
    const journal = this.journalOf(files.journal);
    if (!sealed || !journal.trusted) return wholeView(this.wholeOf(files));
    const records = recordsFor(journal, sealed.seal);
    return new JournaledView(sealed, records, records.length > 0 ? journal.length : 0, files.journal !== null, async () => this.wholeOf(files));
  }

  async replace(view: StateView, after: Binding): Promise<void> {
    if (view instanceof JournaledView && view.records.length + 1 < foldEvery) return this.append(view, after);
    await this.write(replaceBinding(await view.whole(), after));
  }

  /**
   * One record at the journal's end, fsynced. What follows the last whole record written against
   * this state file (a torn record, or records left over from an earlier file) is cut off first.
   */
  private async append(view: JournaledView, after: Binding): Promise<void> {
    const line = journalLine({ base: view.seal, before: view.binding(after.id)!, after });
    let fh;
    try {
      fh = await open(this.journalFile, constants.O_WRONLY | constants.O_CREAT, 0o600);
      await fh.truncate(view.appendAt);
      await fh.write(line, 0, line.length, view.appendAt);
      await fh.sync();
      await fh.close();
      if (!view.journalExists) await this.syncDir();
    } catch (e) {
      // A full disk must not leave a half-written record (ignored, but clutter) or an empty journal behind.
      await fh?.truncate(view.appendAt).catch(() => undefined);
      await fh?.close().catch(() => undefined);
      if (!view.journalExists) await unlink(this.journalFile).catch(() => undefined);
      throw fileSystemError(e, `write ${this.journalFile}`);
    }
  }

  private async syncDir(): Promise<void> {
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  /** Rewrite the state file with `state` (folding the journal into it), then remove the journal. */
  async write(state: HostState): Promise<void> {
    await this.makeDir();
    const bytes = stateBytes(state);
    await this.dropRecordsFor(namedSeal(bytes)!);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.file);
    } catch (e) {
      // A full or read-only disk must not leave a half-written temp file behind.
      await unlink(tmp).catch(() => undefined);
      throw fileSystemError(e, `write ${this.file}`);
    }
    await this.syncDir();
    // Records written against the old file no longer apply (their base is its seal), so a crash
    // before this leaves a journal every reader ignores.
    await unlink(this.journalFile).catch(() => undefined);
  }

  /**
   * The new file is byte for byte the one the journal's records were written against (a change
   * put everything back as it was): those records would apply to it again, so empty the journal
   * first — the old file without them is exactly the new state.
   */
  private async dropRecordsFor(seal: string): Promise<void> {
    const bytes = await readIfThere(this.journalFile);
    if (!bytes || !bytes.bytes.includes(`"base":"${seal}"`)) return;
    try {
      const fh = await open(this.journalFile, 'r+');
      try {
        await fh.truncate(0);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (e) {
      throw fileSystemError(e, `write ${this.journalFile}`);
    }
  }
}

/** A file's bytes and inode, or null when there is no such file. */
async function readIfThere(file: string): Promise<{ bytes: Buffer; ino: number } | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileSystemError(e, `read ${file}`);
  }
  try {
    const [st, bytes] = [await fh.stat(), await fh.readFile()];
    return { bytes, ino: st.ino };
  } catch (e) {
    throw fileSystemError(e, `read ${file}`);
  } finally {
    await fh.close();
  }
}

/**
 * Node's recursive mkdir reports ENOENT for what is really EROFS or EACCES on the first missing
 * directory; creating that one directory alone gives the true reason.
 */
async function realMkdirError(dir: string, e: unknown): Promise<unknown> {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return e;
  let first = dir;
  while (dirname(first) !== first && !(await stat(dirname(first)).then(() => true, () => false))) first = dirname(first);
  return mkdir(first).then(
    () => e,
    (real: unknown) => real,
  );
}
