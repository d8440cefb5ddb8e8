/**
 * `npm run bench`: what Switchyard's design buys, measured side by side in one run and printed as
 * ratios (never asserted; tests assert behaviour). Pure engine code over the simulated iptables.
 */
// `npm run bench -- --kernel [--backend NAME]`: the real-kernel figures instead (root); see bench/kernel/main.ts.
if (process.argv.includes('--kernel')) {
  const { runKernelBench } = await import('./kernel/main');
  const i = process.argv.indexOf('--backend');
  await runKernelBench(i > 0 ? process.argv[i + 1] : undefined);
  process.exit(0);
}

// `npm run bench -- --console [--graph]`: the console in Chromium instead (needs `npm run build`); see bench/console/main.ts.
if (process.argv.includes('--console')) {
  const { runConsoleBench } = await import('./console/main');
  await runConsoleBench();
  process.exit(0);
}

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compile } from '@/lib/engine/iptables/compile';
import { plan } from '@/lib/engine/iptables/plan';
import { parseSave } from '@/lib/engine/iptables/save-parser';
import { readBack } from '@/lib/engine/iptables/readback';
import { SimulatedIptables } from '@/lib/engine/iptables/simulated';
import type { Binding, HostState } from '@/lib/engine/model/binding';

const n = Number(process.env.BENCH_BINDINGS ?? 1000);

function state(count: number, moved = -1): HostState {
  const bindings: Binding[] = Array.from({ length: count }, (_, i) => ({
    id: `b-${i}`,
    kind: i % 2 ? 'import' : 'export',
    proto: 'tcp',
    front: i % 2 ? { port: 10000 + i, address: '10.2.1.3' } : { port: 10000 + i, iface: 'eth0' },
    target: { name: 'svc', address: i === moved ? '192.168.4.4' : '192.168.1.3', port: 2211 },
    masquerade: true,
    revision: 1,
  }));
  return { version: 1, bindings, exposed: [] };
}

/** Median wall time of `fn` over `runs` runs, in milliseconds. */
function time(fn: () => void, runs = 15): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const row = (what: string, a: string, b: string, ratio: number) =>
  console.log(`${what.padEnd(52)} ${a.padStart(12)} ${b.padStart(12)}   ratio ${ratio.toFixed(1)}x`);

const ipt = new SimulatedIptables();
const full = state(n);
ipt.restore(plan(ipt.snapshot(), compile(full)).script, { noflush: true });
const kernel = ipt.snapshot();
const rebound = compile(state(n, Math.floor(n / 2)));

console.log(`Switchyard bench: ${n} bindings on one host (simulated iptables), medians of 15 runs\n`);
console.log(`${''.padEnd(52)} ${'switchyard'.padStart(12)} ${'naive'.padStart(12)}`);

// 1. A rebind rewrites one chain; the naive way rewrites every owned chain.
const incremental = plan(kernel, rebound).script;
const rewriteAll = plan({ tables: [] }, rebound).script;
row('rebind script size (bytes): one chain vs all chains', String(incremental.length), String(rewriteAll.length), rewriteAll.length / incremental.length);

const applyTime = (script: string) =>
  time(() => {
    const sim = new SimulatedIptables(kernel);
    const r = sim.restore(script, { noflush: true });
    if (!r.ok) throw new Error(r.message);
  });
const ti = applyTime(incremental);
const tf = applyTime(rewriteAll.replace(/^-I .*$/gm, ''));
row('rebind apply time (ms): one chain vs all chains', ti.toFixed(2), tf.toFixed(2), tf / ti);

// 2. Planning a rebind costs about as much as compiling: read-back and diff are linear.
const save = ipt.save({ counters: true });
const tPlan = time(() => plan(parseSave(save), compile(state(n, 1))));
const tStatus = time(() => readBack(full.bindings, parseSave(save)));
row('status read-back vs plan (ms), both parse the dump', tStatus.toFixed(2), tPlan.toFixed(2), tPlan / tStatus);

// 3. Memory: the parsed kernel model per binding against the text it came from. What the copies
// retain, with the garbage collected before each reading (a collection in between made the
// difference of two plain readings meaningless, even negative).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
collectGarbage();
const before = process.memoryUsage().heapUsed;
const keep = Array.from({ length: 5 }, () => parseSave(save));
collectGarbage();
const perCopy = (process.memoryUsage().heapUsed - before) / keep.length;
row('parsed model vs iptables-save text (bytes)', String(Math.round(perCopy)), String(save.length), perCopy / save.length);
