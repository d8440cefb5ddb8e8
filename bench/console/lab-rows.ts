/**
 * The lab rows of `npm run bench -- --console --lab-hosts N` (root): the lab console bench runs in
 * its own process (a console process serves one inventory) and its figures are printed here, in
 * the same columns as the simulated network's.
 */
import { execa } from 'execa';
import path from 'node:path';
import type { LabConsoleFigures } from './lab-console';

const ms = (x: number) => `${Math.round(x)} ms`;

/** The number after `--lab-hosts` on the bench's command line, if given. */
export function labHostsAsked(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--lab-hosts');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--lab-hosts: must be a whole number from 1 to 100, got "${argv[i + 1] ?? ''}"`);
  return n;
}

/** Bring up a lab of `extraHosts` more hosts, run the console on it in Chromium, print its rows. */
export async function printLabRows(extraHosts: number, row: (what: string, value: string, target: string) => void, idleSeconds: number): Promise<void> {
  const script = path.join(import.meta.dirname, 'lab-console.ts');
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  const r = await execa(tsx, [script, '--hosts', String(extraHosts), '--idle-seconds', String(idleSeconds)], { reject: false, stderr: 'inherit', timeout: 3_600_000 });
  if (r.exitCode !== 0) throw new Error(`the lab console bench failed (exit ${r.exitCode})`);
  const f: LabConsoleFigures = JSON.parse(String(r.stdout).trim().split('\n').pop()!);
  console.log(`\nThe console on the lab: ${f.hosts} real hosts (network namespaces, ${extraHosts} added by \`lab up --hosts ${extraHosts}\`), headless Chromium`);
  row('hosts shown reachable', `${f.reachable} of ${f.hosts}`, 'target: all');
  row('first contentful paint of the page', ms(f.firstPaintMs), 'target: ≤ 2000 ms');
  row('page open until every host is drawn reachable', ms(f.graphMs), '');
  row(`CLI change in a host → shown in the browser, p50 (${f.changeToBrowserMs.runs} changes)`, ms(f.changeToBrowserMs.p50), '');
  row(`CLI change in a host → shown in the browser, p95 (${f.changeToBrowserMs.runs} changes)`, ms(f.changeToBrowserMs.p95), 'target: ≤ 2000 ms');
  row(`engine processes before / after ${f.tabs} tabs for ${f.idleSeconds} s (new)`, `${f.engineProcesses.before} / ${f.engineProcesses.after} (${f.engineProcesses.startedMeanwhile})`, `target: ${f.hosts} (one per host), 0 new`);
  row(`host sessions before / after`, `${f.sessions.before} / ${f.sessions.after}`, `target: ${f.hosts}`);
  row(`console CPU with ${f.tabs} tabs open (engines are their own processes)`, `${f.cpuPercentOfOneCore.toFixed(1)} %`, 'target: < 10 % of one core');
  console.log('\nRebind engine round trip on the lab (p50), before (a process per call) and after (a session per host):');
  for (const x of f.roundTrip.rows) row(`${x.host} (${x.transport})`, `${ms(x.processPerCallMs)} → ${ms(x.sessionMs)}`, `ratio ${(x.processPerCallMs / x.sessionMs).toFixed(1)}x`);
}
