import { execa } from 'execa';
import { readdir, readFile } from 'node:fs/promises';

/** Milliseconds one run of `fn` takes. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const s = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - s) / 1e6;
}

/** The median of `runs` timed runs of `fn`, in milliseconds. */
export async function medianMs(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(await timeMs(() => fn(i)));
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** The pids of `root` and every process below it, from /proc (one pass over the process table). */
async function processTree(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^[0-9]+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows the command name in parentheses, which may itself hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!ppid) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

const pageKb = 4;

/** Resident memory (kB) of these processes together, from /proc/<pid>/statm. */
async function residentKb(pids: number[]): Promise<number> {
  let kb = 0;
  for (const pid of pids) {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '');
    kb += Number(statm.split(' ')[1] ?? 0) * pageKb;
  }
  return kb;
}

/**
 * Peak resident memory (MB) of a program run in a namespace, in two ways: the whole process tree
 * together (the program and every child it runs, e.g. node + nft, summed; sampled every few
 * milliseconds, so a lower bound), and the largest single process (GNU time's %M, exact).
 */
export async function peakTreeMemoryMb(ns: string, file: string, args: string[], env: Record<string, string>): Promise<{ tree: number; largest: number }> {
  const child = execa('ip', ['netns', 'exec', ns, '/usr/bin/time', '-f', 'peak-kb %M', file, ...args], { reject: false, env, maxBuffer: 1 << 30 });
  let peak = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      if (child.pid) peak = Math.max(peak, await residentKb(await processTree(child.pid)));
      await new Promise((r) => setTimeout(r, 3));
    }
  })();
  const r = await child;
  running = false;
  await sampling;
  const m = /peak-kb (\d+)/.exec(String(r.stderr));
  if (r.exitCode !== 0 || !m) throw new Error(`${file}: exit ${r.exitCode}: ${String(r.stderr).slice(0, 300)}`);
  return { tree: Math.max(peak, Number(m[1])) / 1024, largest: Number(m[1]) / 1024 };
}
