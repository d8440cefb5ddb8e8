import { execa } from 'execa';

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

/** Peak resident memory (MB) of a program run in a namespace, by GNU time's %M. */
export async function peakMemoryMb(ns: string, file: string, args: string[], env: Record<string, string>): Promise<number> {
  const r = await execa('ip', ['netns', 'exec', ns, '/usr/bin/time', '-f', 'peak-kb %M', file, ...args], { reject: false, env, maxBuffer: 1 << 30 });
  const m = /peak-kb (\d+)/.exec(String(r.stderr));
  if (r.exitCode !== 0 || !m) throw new Error(`${file}: exit ${r.exitCode}: ${String(r.stderr).slice(0, 300)}`);
  return Number(m[1]) / 1024;
}
