/**
 * The console on a lab of real hosts, in Chromium: `lab up --hosts N` (network namespaces, one
 * `serve --stdio` session per host over netns or ssh), the console server in this process, changes
 * made with the CLI inside a host's namespace. Root only. Run alone it prints its figures as JSON:
 * `tsx bench/console/lab-console.ts --hosts 100` (the console bench runs it so, beside the sim one,
 * because a console process holds one inventory).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { cliPath, labDown, labUp, stateDirOf } from '@/lib/lab';
import { appearedAt, openConsole, percentile } from './browser-timing';
import { cpuSeconds, processesMatching } from './process-cpu';
import { engineRoundTrip, type EngineRoundTrip } from './engine-round-trip';
import { expandHosts } from './graph';
import { startInProcessConsole, type InProcessConsole } from './in-process-console';

export interface LabConsoleFigures {
  hosts: number;
  firstPaintMs: number;
  graphMs: number;
  reachable: number;
  /** From the CLI's change (its state file written) to the page showing it. */
  changeToBrowserMs: { p50: number; p95: number; runs: number };
  tabs: number;
  idleSeconds: number;
  /** `serve --stdio` processes on the machine before and after the idle tabs, and how many of those after are new. */
  engineProcesses: { before: number; after: number; startedMeanwhile: number };
  /** Sessions in the console's pool before and after the idle tabs. */
  sessions: { before: number; after: number };
  cpuPercentOfOneCore: number;
  roundTrip: EngineRoundTrip;
}

// Engine processes: node running `… serve --stdio` (over netns, or under the lab's sshd), not the ssh client.
const engines = () =>
  processesMatching('serve', '--stdio').filter((pid) => {
    try {
      return path.basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]) === 'node';
    } catch {
      return false;
    }
  });

// The CLI on a lab host, as an operator in its shell would run it.
async function cli(host: string, args: string[]): Promise<void> {
  const r = await execa('ip', ['netns', 'exec', `sy-${host}`, 'env', `SWITCHYARD_HOSTNAME=${host}`, process.execPath, cliPath, '--state-dir', stateDirOf(host), '--json', ...args], { reject: false, timeout: 60_000 });
  if (r.exitCode !== 0) throw new Error(`${host}: switchyard ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
}

/** Run the console bench on a lab with `extraHosts` engine hosts beside the seed's (root; needs `npm run build`). */
export async function labConsoleBench(opts: { extraHosts: number; changes: number; tabs: number; idleSeconds: number }): Promise<LabConsoleFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sy-bench-lab-console-'));
  const dataDir = path.join(dir, 'data');
  const lab = await labUp({ extraHosts: opts.extraHosts, consoleDataDir: dataDir, waitMs: 1_800_000 });
  let served: InProcessConsole | undefined;
  try {
    const hostNames: string[] = JSON.parse(readFileSync(lab.inventoryPath, 'utf8')).hosts.map((h: { name: string }) => h.name);
    // The hosts the changes swing: one export each, to its own container, made before the console starts.
    const changed = Array.from({ length: Math.min(opts.changes, opts.extraHosts) }, (_, i) => i + 5);
    for (const n of changed) await cli(`host${n}`, ['export', '--in', 'weave', '--port', '8080', '--to', `c${n}:4422`, '--id', 'web']);

    served = await startInProcessConsole(lab.inventoryPath, dataDir);
    const url = served.url;
    const page = await served.signedInPage();
    const context = page.context();
    // Warm: every session started and reported; then a fresh page as a person opening it sees it.
    await openConsole(page, url, hostNames.length, 'host1');
    const first = await openConsole(await context.newPage(), url, hostNames.length, 'host1');

    // A rebind made with the CLI in a host's namespace, behind the console's back, until the page shows it.
    const times: number[] = [];
    for (let i = 0; i < opts.changes; i++) {
      const n = changed[i % changed.length];
      // Swing between the next host's container and its own (round after round when hosts are few).
      const next = n + 1 <= opts.extraHosts + 4 ? n + 1 : 5;
      const target = `c${Math.floor(i / changed.length) % 2 === 0 ? next : n}`;
      await expandHosts(page, [`host${n}`]);
      const label = `[aria-label="binding web: host${n} weave:8080 → ${target}:4422"]`;
      const shown = appearedAt(page, label);
      await cli(`host${n}`, ['rebind', 'web', '--to', `${target}:4422`]);
      // The change is made when the CLI writes the state file (after the kernel took it), not when node exits.
      const made = statSync(path.join(stateDirOf(`host${n}`), 'state.json')).mtimeMs;
      times.push((await shown) - made);
    }

    // Several tabs left open: no more engine processes, and what the console spends meanwhile.
    for (let i = 1; i < opts.tabs; i++) await (await context.newPage()).goto(url);
    const before = { engines: engines(), sessions: served.sessions() };
    const cpu0 = cpuSeconds('self');
    const wall0 = Date.now();
    await new Promise((r) => setTimeout(r, opts.idleSeconds * 1000));
    const cpu = cpuSeconds('self') - cpu0;
    const wall = (Date.now() - wall0) / 1000;
    const after = { engines: engines(), sessions: served.sessions() };

    return {
      hosts: hostNames.length,
      ...first,
      changeToBrowserMs: { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length },
      tabs: opts.tabs,
      idleSeconds: opts.idleSeconds,
      engineProcesses: { before: before.engines.length, after: after.engines.length, startedMeanwhile: after.engines.filter((p) => !before.engines.includes(p)).length },
      sessions: { before: before.sessions, after: after.sessions },
      cpuPercentOfOneCore: (100 * cpu) / wall,
      roundTrip: await engineRoundTrip({ inventoryPath: lab.inventoryPath }),
    };
  } finally {
    await served?.stop();
    await labDown();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  labConsoleBench({ extraHosts: arg('--hosts', 100), changes: arg('--changes', 20), tabs: arg('--tabs', 5), idleSeconds: arg('--idle-seconds', 60) }).then(
    (f) => {
      console.log(JSON.stringify(f));
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
