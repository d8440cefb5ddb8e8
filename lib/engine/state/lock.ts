import { open, readFile, stat, unlink } from 'node:fs/promises';
import { EngineError, fileSystemError } from '../errors';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True while a process with this pid exists (hosts share one pid namespace with their engine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createExclusive(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fileSystemError(e, `take the lock ${path}`);
  }
  try {
    await fh.writeFile(String(process.pid));
    await fh.close();
    return true;
  } catch (e) {
    // An empty lock left by a full disk would make the next call wait: take it away again.
    await fh.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw fileSystemError(e, `take the lock ${path}`);
  }
}

/** A lock file whose holder died (SIGKILL, power loss) — or that is empty and old. */
async function isStale(path: string): Promise<boolean> {
  const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]).catch(() => [null, null] as const);
  if (text === null || st === null) return false;
  const pid = Number(text.trim());
  if (Number.isInteger(pid) && pid > 0) return !alive(pid);
  return Date.now() - st.mtimeMs > 10_000;
}

/**
 * Remove a stale lock. Breakers take turns through a second lock and re-check under it, so two
 * processes that both saw the same dead holder cannot remove each other's fresh lock.
 */
async function breakStale(path: string): Promise<void> {
  const guard = `${path}.breaking`;
  if (!(await createExclusive(guard))) {
    if (await isStale(guard)) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    if (await isStale(path)) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Hold the lock file at `path` while `fn` runs; waits up to `timeoutMs`, then fails with lock-timeout. */
export async function withLockFile<T>(path: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!(await createExclusive(path))) {
    if (await isStale(path)) await breakStale(path);
    else if (Date.now() > deadline) {
      const holder = (await readFile(path, 'utf8').catch(() => '?')).trim();
      throw new EngineError('lock-timeout', `another switchyard (pid ${holder || '?'}) holds ${path}; try again, or remove the file if that process is gone`);
    } else await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
