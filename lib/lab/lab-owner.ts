import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './lab-error';
import { ownerPath } from './paths';

/**
 * There is one lab per machine, and the lab tests and the console's lab e2e both build it: the
 * process that brought the lab up owns it (its pid in `ownerPath`) until it takes it down or dies,
 * so a second user waits instead of tearing the network away under the first.
 */

/** The pid of the live process that owns the lab, if any (a dead owner's claim does not count). */
export async function labOwner(): Promise<number | undefined> {
  const pid = Number((await readFile(ownerPath, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Makes this process the lab's owner, waiting up to `waitMs` for another live owner to let go. */
export async function claimLab(waitMs: number): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    const owner = await labOwner();
    if (owner === process.pid) return;
    if (owner === undefined) {
      if (await readFile(ownerPath).then(() => true, () => false)) await rm(ownerPath, { force: true }); // a dead owner's claim
      try {
        const file = await open(ownerPath, 'wx'); // exclusive create: of two claimants, one wins
        await file.writeFile(`${process.pid}\n`);
        await file.close();
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    } else if (waited >= waitMs) {
      throw new LabError(`the lab is in use by pid ${owner} (its tests or e2e); waited ${Math.round(waitMs / 1000)} s`);
    }
    await sleep(200);
  }
}

/** Refuses when another live process owns the lab; otherwise the caller may take it down. */
export async function assertMayTakeDown(): Promise<void> {
  const owner = await labOwner();
  if (owner !== undefined && owner !== process.pid) {
    throw new LabError(`the lab is in use by pid ${owner} (its tests or e2e); it takes the lab down when it is done`);
  }
}

/** Gives up ownership (only `down` calls this, after everything else is gone). */
export async function releaseLab(): Promise<void> {
  await rm(ownerPath, { force: true });
}
