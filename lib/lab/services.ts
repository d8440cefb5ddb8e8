import { execa } from 'execa';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './lab-error';
import { nameServicePath, pidDir } from './paths';
import type { LabMachine, LabService } from './topology';

const pidFileOf = (m: LabMachine, s: LabService): string => path.join(pidDir, `${m.name}-${s.port}.pid`);

/** Starts a machine's name service in its namespace, in the background; resolves once it listens. */
export async function startService(m: LabMachine, s: LabService): Promise<number> {
  await mkdir(pidDir, { recursive: true });
  const pidFile = pidFileOf(m, s);
  await rm(pidFile, { force: true });
  const child = execa('ip', ['netns', 'exec', m.namespace, process.execPath, nameServicePath, m.name, String(s.port), pidFile], {
    detached: true,
    cleanup: false,
    stdio: 'ignore',
    reject: false,
  });
  child.unref();
  let exited = false;
  void child.then(() => {
    exited = true;
  });
  for (let waited = 0; waited < 10_000; waited += 50) {
    const pid = await readPid(pidFile);
    if (pid) return pid;
    if (exited) break;
    await sleep(50);
  }
  throw new LabError(`service ${m.name}:${s.port} did not start in ${m.namespace}`);
}

/** True while the service's recorded process is alive and is a lab name service. */
export async function serviceAlive(m: LabMachine, s: LabService): Promise<boolean> {
  const pid = await readPid(pidFileOf(m, s));
  return pid !== undefined && (await isNameService(pid));
}

/** Stops every recorded lab service by its pid (TERM, then KILL after two seconds). */
export async function stopServices(): Promise<void> {
  const files = await readdir(pidDir).catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('.pid'))) {
    const pid = await readPid(path.join(pidDir, file));
    if (pid && (await isNameService(pid))) await stopProcess(pid);
    await rm(path.join(pidDir, file), { force: true });
  }
}

/** Ends one process by id: TERM, then KILL if it outlives two seconds. */
export async function stopProcess(pid: number): Promise<void> {
  if (!signal(pid, 'SIGTERM')) return;
  for (let waited = 0; waited < 2_000; waited += 50) {
    if (!signal(pid, 0)) return;
    await sleep(50);
  }
  signal(pid, 'SIGKILL');
}

function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

// A pid file can outlive its process and the pid be reused: only a live name service counts.
async function isNameService(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0').includes(nameServicePath);
}
