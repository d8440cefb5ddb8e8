import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WatcherStatus } from '../model/report';

/** What a running `switchyard watch` leaves in the state directory: `<dir>/watch.json`. */
export interface WatcherRecord {
  pid: number;
  since: string;
  intervalMs: number;
  lastCheck?: string;
  heals: number;
  lastHeal?: string;
}

export const watcherFile = (dir: string): string => join(dir, 'watch.json');

/** True when a process with this pid exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The watcher's record, or null when there is none or it is not readable. */
export async function readWatcherRecord(dir: string): Promise<WatcherRecord | null> {
  try {
    const doc = JSON.parse(await readFile(watcherFile(dir), 'utf8')) as WatcherRecord;
    return Number.isInteger(doc?.pid) ? doc : null;
  } catch {
    return null;
  }
}

/** Replace the record atomically (temp file + rename): a reader sees one whole version. */
export async function writeWatcherRecord(dir: string, r: WatcherRecord): Promise<void> {
  const tmp = `${watcherFile(dir)}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(r) + '\n', { mode: 0o600 });
  await rename(tmp, watcherFile(dir));
}

/** Remove the record if it is this process's own. */
export async function clearWatcherRecord(dir: string, pid: number): Promise<void> {
  const r = await readWatcherRecord(dir);
  if (r?.pid === pid) await unlink(watcherFile(dir)).catch(() => undefined);
}

/** Whether a watcher is running for this state directory, from its record and the process's liveness. */
export async function watcherStatus(dir: string | undefined): Promise<WatcherStatus> {
  if (!dir) return { running: false };
  const r = await readWatcherRecord(dir);
  if (!r || !processAlive(r.pid)) return { running: false, ...(r?.lastHeal ? { lastHeal: r.lastHeal } : {}) };
  return { running: true, pid: r.pid, since: r.since, heals: r.heals, ...(r.lastCheck ? { lastCheck: r.lastCheck } : {}), ...(r.lastHeal ? { lastHeal: r.lastHeal } : {}) };
}
