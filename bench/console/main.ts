/**
 * `npm run bench -- --console`: the console with a large network in Chromium, figures printed side
 * by side with their targets (never asserted). Needs `npm run build` (the console's production
 * build) and /usr/bin/chromium. As root it also measures a rebind's engine round trip on the lab; with `--lab-hosts N`
 * (root) it runs the same figures on a lab of N more real hosts (bench/console/lab-console.ts).
 * With `--graph` only the graph and bindings table figures are taken (bench/console/graph-bench.ts).
 */
import { engineRoundTrip } from './engine-round-trip';
import { simConsoleBench } from './sim-console';
import { graphBench } from './graph-bench';
import { labHostsAsked, printLabRows } from './lab-rows';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const ms = (x: number) => `${Math.round(x)} ms`;
const row = (what: string, value: string, target: string) => console.log(`${what.padEnd(62)} ${value.padStart(14)}   ${target}`);

/** Run the console bench and print its figures. */
export async function runConsoleBench(): Promise<void> {
  if (process.argv.includes('--graph')) {
    await graphBench();
    return;
  }
  const hosts = num('BENCH_SIM_HOSTS', 200);
  const bindings = num('BENCH_SIM_BINDINGS', 2000);
  console.log(`Switchyard console bench: ${hosts} simulated hosts, ${bindings} bindings, headless Chromium\n`);
  const f = await simConsoleBench({ hosts, bindings, changes: 20, tabs: 5, idleSeconds: num('BENCH_IDLE_SECONDS', 60) });
  row('hosts shown reachable', `${f.reachable} of ${f.hosts}`, 'target: all');
  row('first contentful paint of the page', ms(f.firstPaintMs), 'target: ≤ 2000 ms');
  row('page open until every host is drawn reachable', ms(f.graphMs), '');
  row(`engine change on a host → shown in the browser, p50 (${f.changeToBrowserMs.runs} changes)`, ms(f.changeToBrowserMs.p50), '');
  row(`engine change on a host → shown in the browser, p95 (${f.changeToBrowserMs.runs} changes)`, ms(f.changeToBrowserMs.p95), 'target: ≤ 2000 ms');
  row(`host sessions before / after ${f.tabs} tabs for ${f.idleSeconds} s`, `${f.sessionsBefore} / ${f.sessionsAfter}`, `target: ${f.hosts} (one per host)`);
  row('browser streams the hub serves', String(f.browserStreams), `(${f.tabs + 1} pages open)`);
  row(`console CPU with ${f.tabs} tabs open (engines of sim hosts included)`, `${f.cpuPercentOfOneCore.toFixed(1)} %`, 'target: < 10 % of one core');

  // The graph and the bindings table: first render, pan/zoom frame times, search and row → edge, the seed network beside the large one.
  await graphBench();

  // `--lab-hosts N` (root): the same figures on a lab of real hosts, round trips included.
  const labHosts = labHostsAsked(process.argv);
  if (labHosts !== undefined) {
    if (process.getuid?.() !== 0) throw new Error('--lab-hosts needs root (the lab is built from network namespaces)');
    await printLabRows(labHosts, row, num('BENCH_IDLE_SECONDS', 60));
  } else if (process.getuid?.() === 0 && process.env.BENCH_LAB !== '0') {
    console.log('\nRebind engine round trip on the lab (p50), before (a process per call) and after (a session per host):');
    const rt = await engineRoundTrip();
    for (const r of rt.rows) row(`${r.host} (${r.transport})`, `${ms(r.processPerCallMs)} → ${ms(r.sessionMs)}`, `ratio ${(r.processPerCallMs / r.sessionMs).toFixed(1)}x`);
  }
}
