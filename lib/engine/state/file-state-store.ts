import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileSystemError } from '../errors';
import { emptyState, type HostState } from '../model/binding';
import { parseHostState } from './state-schema';
import { stateBytes } from './state-text';
import type { StateStore } from './state-store';
import { withLockFile } from './lock';

/** The real store: `<dir>/state.json`, written temp + fsync + rename, guarded by `<dir>/lock`. */
export class FileStateStore implements StateStore {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly lockTimeoutMs = 10_000,
  ) {
    this.file = join(dir, 'state.json');
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
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw fileSystemError(e, `read ${this.file}`);
    }
    return parseHostState(bytes, this.file);
  }

  async write(state: HostState): Promise<void> {
    await this.makeDir();
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(stateBytes(state));
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
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
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
