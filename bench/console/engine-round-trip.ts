/**
 * The engine round trip of a rebind on the lab, as the console sees it: one process per call (how
 * the console reached hosts before sessions) against the persistent `serve --stdio` session.
 * Needs root; brings the lab up and takes it down. Run alone: `tsx bench/console/engine-round-trip.ts`.
 */
import { readFileSync } from 'node:fs';
import { ProcessRunner } from '@/lib/engine/runner/process-runner';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import { engineCommand } from '@/lib/hosts/engine-command';
import { SessionPool, type HostConnection } from '@/lib/hosts';
import { labDown, labUp } from '@/lib/lab';

/** Medians in milliseconds, per host and way of asking. */
export interface EngineRoundTrip {
  runs: number;
  rows: { host: string; transport: string; processPerCallMs: number; sessionMs: number }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(what: string, ask: () => Promise<RunResult>): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await ask();
  if (r.exitCode !== 0) throw new Error(`${what} failed (${r.exitCode}): ${r.stderr}${r.stdout}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// Each host gets one binding and two targets to swing it between.
const setups: Record<string, { create: string[]; id: string; targets: [string, string] }> = {
  host1: { create: ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'nc'], id: 'nc', targets: ['192.168.4.4:2211', '192.168.1.3:2211'] },
  host2: { create: ['export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web'], id: 'web', targets: ['a2:4422', 'a1:4422'] },
};

/**
 * p50 of a rebind's round trip on lab host1 (netns) and host2 (ssh), process per call vs session.
 * Brings the seed lab up and down, unless given the inventory of a lab that is already up.
 */
export async function engineRoundTrip(opts: { runs?: number; inventoryPath?: string } = {}): Promise<EngineRoundTrip> {
  const runs = opts.runs ?? 21;
  const ownLab = opts.inventoryPath === undefined;
  const inventoryPath = opts.inventoryPath ?? (await labUp()).inventoryPath;
  const hosts: HostConnection[] = JSON.parse(readFileSync(inventoryPath, 'utf8')).hosts;
  const pool = new SessionPool();
  const runner = new ProcessRunner();
  const rows: EngineRoundTrip['rows'] = [];
  try {
    for (const host of hosts) {
      const setup = setups[host.name];
      if (!setup || host.transport === 'sim') continue;
      const proc = host;
      const perCall = (args: string[]) => {
        const c = engineCommand(proc, args, true);
        return runner.run(c.file, c.args, { timeoutMs: 30_000 });
      };
      const session = (args: string[]) => pool.request(host, args, undefined, 30_000);
      await timed(`${host.name}: ${setup.create[0]} through its session`, () => session(setup.create));
      const measure = async (ask: (args: string[]) => Promise<RunResult>) => {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await timed(`${host.name}: rebind`, () => ask(['rebind', setup.id, '--to', setup.targets[i % 2]])));
        return median(times);
      };
      // Side by side: alternate the two ways so machine load weighs on both alike.
      const before: number[] = [];
      const after: number[] = [];
      for (let round = 0; round < 3; round++) {
        before.push(await measure(perCall));
        after.push(await measure(session));
      }
      rows.push({ host: host.name, transport: host.transport, processPerCallMs: median(before), sessionMs: median(after) });
    }
  } finally {
    await pool.close();
    if (ownLab) await labDown();
  }
  return { runs, rows };
}

/** The rows as the bench prints them. */
export function formatEngineRoundTrip(r: EngineRoundTrip): string {
  return r.rows
    .map((x) => `rebind round trip p50 on ${x.host} (${x.transport}): process per call vs session (ms)`.padEnd(78) + `${x.processPerCallMs.toFixed(1).padStart(9)} ${x.sessionMs.toFixed(1).padStart(9)}   ratio ${(x.processPerCallMs / x.sessionMs).toFixed(1)}x`)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  engineRoundTrip({ runs: Number(process.env.BENCH_RUNS ?? 21) }).then(
    (r) => console.log(formatEngineRoundTrip(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
