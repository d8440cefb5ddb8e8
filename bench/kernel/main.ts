/**
 * `npm run bench -- --kernel` (root): the engine on the real kernel at 10 and at 10,000 bindings,
 * for each backend, in namespaces it builds and removes. Figures are ratios measured side by side
 * in one run, each printed with the tool that measured it; nothing here is asserted.
 */
import { execa } from 'execa';
import { cpus, loadavg } from 'node:os';
import type { BenchBackend } from './backends';
import { benchCli, benchNetwork, disposeAllBenchNetworks, type BenchNetwork } from './bench-network';
import { iptablesBenchBackend } from './iptables';
import { nftBenchBackend } from './nft';
import { medianMs, peakTreeMemoryMb, timeMs } from './measure';

const connectRate = new URL('./connect-rate.mjs', import.meta.url).pathname;
const large = Number(process.env.BENCH_BINDINGS ?? 10_000);
const perRuleSample = Number(process.env.BENCH_PER_RULE ?? 2_000);

/** One printed figure: what, its value, the tool that measured it, and the goal it is read against. */
interface Row {
  what: string;
  value: string;
  tool: string;
  goal: string;
}

/** The bindings file: `count` fillers (ids sort before the measured ones, so those sit last in the entry chain) + the measured exports. */
function bindingsFile(net: BenchNetwork, count: number): string {
  const fillers = Array.from({ length: count }, (_, i) => ({ id: `b-${String(i).padStart(5, '0')}`, kind: 'export', in: 'eth0', port: 10_000 + i, to: `${net.targetAddress}:4422` }));
  return JSON.stringify({
    bindings: [
      ...fillers,
      { id: 'zz-connect', kind: 'export', in: 'eth0', port: 5000, to: `${net.targetAddress}:5001` },
      { id: 'zz-iperf', kind: 'export', in: 'eth0', port: 5200, to: `${net.targetAddress}:5201` },
    ],
  });
}

/** New connections per second, the median of three 2-second runs (one run swings by 2× on a busy machine). */
async function connectionsPerSecond(net: BenchNetwork, host: string, port: number): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = await net.run(net.ns.out, process.execPath, [connectRate, 'measure', host, String(port), '2', '16']);
    rates.push(JSON.parse(out.trim()).perSecond);
  }
  return rates.sort((a, b) => a - b)[1];
}

async function iperfGbps(net: BenchNetwork, host: string, port: number): Promise<number> {
  const out = await net.run(net.ns.out, 'iperf3', ['-c', host, '-p', String(port), '-t', '3', '-J']);
  return JSON.parse(out).end.sum_received.bits_per_second / 1e9;
}

/** Wait until a server in c1 answers on `port`. */
async function waitForPort(net: BenchNetwork, port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = await execa('ip', ['netns', 'exec', net.ns.out, 'nc', '-z', '-w', '1', net.targetAddress, String(port)], { reject: false });
    if (r.exitCode === 0) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`nothing answers on ${net.targetAddress}:${port}`);
}

const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Every row for one backend, on a fresh network. */
async function measure(b: BenchBackend): Promise<{ tool: string; rows: Row[] }> {
  const net = await benchNetwork(b.env);
  try {
    const sw = (args: string[], input?: string) => net.sw([...b.cli, ...args], { input });
    const tool = await b.tool(net);
    net.start(net.ns.c1, process.execPath, [connectRate, 'serve', '5001']);
    net.start(net.ns.c1, 'iperf3', ['-s', '-p', '5201']);
    await waitForPort(net, 5001);
    await waitForPort(net, 5201);
    const rows: Row[] = [];
    const rebindOnce = (i: number) => sw(['rebind', 'zz-connect', '--to', `${net.targetAddress}:${i % 2 ? 5001 : 5002}`]);

    // At 10 bindings.
    await sw(['apply', '--file', '-'], bindingsFile(net, 10));
    const rebindSmall = await medianMs(5, rebindOnce);
    await sw(['rebind', 'zz-connect', '--to', `${net.targetAddress}:5001`]);
    const connSmall = await connectionsPerSecond(net, net.hostAddress, 5000);
    const direct = await iperfGbps(net, net.targetAddress, 5201);
    const exported = await iperfGbps(net, net.hostAddress, 5200);
    net.start(net.ns.host, 'socat', [`TCP-LISTEN:6201,fork,reuseaddr`, `TCP:${net.targetAddress}:5201`]);
    await new Promise((r) => setTimeout(r, 300));
    const proxied = await iperfGbps(net, net.hostAddress, 6201);

    // At `large` bindings, applied from empty in one go.
    await sw(['flush', '--forget']);
    const applyLarge = await timeMs(() => sw(['apply', '--file', '-'], bindingsFile(net, large)));
    let lastRebind: { script: string } = { script: '' };
    const rebindLarge = await medianMs(3, async (i) => {
      lastRebind = await rebindOnce(i);
    });
    const nodeStart = await medianMs(5, () => net.run(net.ns.host, process.execPath, ['-e', '0']));
    const transaction = await b.rebindTransaction(net, lastRebind);
    await sw(['rebind', 'zz-connect', '--to', `${net.targetAddress}:5001`]);
    const connLarge = await connectionsPerSecond(net, net.hostAddress, 5000);
    const cli = [benchCli, ...b.cli, '--state-dir', net.stateDir, '--json'];
    const listMs = await medianMs(3, () => net.run(net.ns.host, process.execPath, [...cli, 'list']));
    const statusMs = await medianMs(3, () => net.run(net.ns.host, process.execPath, [...cli, 'status']));
    const listPeak = await peakTreeMemoryMb(net.ns.host, process.execPath, [...cli, 'list'], b.env);

    // The seed's way last (it fills a nat table of its own): one `iptables -t nat -A` process per rule.
    const iptables = b.env.SWITCHYARD_IPTABLES ?? 'iptables';
    const perRuleMs = await timeMs(async () => {
      for (let i = 0; i < perRuleSample; i++) {
        await net.run(net.ns.out, iptables, ['-t', 'nat', '-A', 'PREROUTING', '-i', 'eth0', '-p', 'tcp', '--dport', String(10_000 + i), '-j', 'DNAT', '--to-destination', `${net.targetAddress}:4422`]);
      }
    });
    const perRuleLarge = (perRuleMs * (large + 2)) / perRuleSample;
    const sampled = perRuleSample < large + 2 ? ` (${perRuleSample} run, scaled: a lower bound)` : '';

    rows.push(
      { what: `rebind at 10 vs ${large} bindings`, value: `${x(rebindLarge, rebindSmall)} (${s(rebindSmall)} vs ${s(rebindLarge)})`, tool: 'switchyard CLI, wall clock', goal: 'iptables ≤ 12×, nft ≤ 1.2×' },
      { what: `rebind at ${large} vs its floor`, value: `${x(rebindLarge, nodeStart + transaction)} (${s(rebindLarge)} vs node ${s(nodeStart)} + one transaction ${s(transaction)})`, tool: `switchyard CLI; floor: node + ${tool}`, goal: 'nft ≤ 2×' },
      { what: `apply ${large} from empty vs one process per rule`, value: `${x(perRuleLarge, applyLarge)} (${s(applyLarge)} vs ${s(perRuleLarge)}${sampled})`, tool: `switchyard CLI vs ${iptables} -t nat -A`, goal: 'nft ≥ 50×' },
      { what: `new connections/s to the last binding, ${large} vs 10`, value: `${x(connLarge, connSmall)} (${Math.round(connSmall)}/s vs ${Math.round(connLarge)}/s)`, tool: 'connect-rate.mjs (node, 16 parallel, reset on connect, median of 3 × 2 s)', goal: 'nft ≥ 0.8×' },
      { what: 'iperf3 through an export vs direct', value: `${x(exported, direct)} (${exported.toFixed(1)} vs ${direct.toFixed(1)} Gbit/s)`, tool: 'iperf3 -t 3', goal: '≥ 0.9×' },
      { what: 'iperf3 through an export vs a socat proxy', value: `${x(exported, proxied)} (${exported.toFixed(1)} vs ${proxied.toFixed(1)} Gbit/s)`, tool: 'iperf3 -t 3, socat fork', goal: '≥ 3×' },
      {
        what: `peak memory of list at ${large}`,
        value: `${listPeak.tree.toFixed(0)} MB for node and its children together (largest single process ${listPeak.largest.toFixed(0)} MB)`,
        tool: '/proc/<pid>/statm of the process tree summed every 3 ms; /usr/bin/time %M',
        goal: 'nft ≤ 100 MB',
      },
      { what: `list / status at ${large}`, value: `${s(listMs)} / ${s(statusMs)}`, tool: 'switchyard CLI, wall clock', goal: 'was 18.3 s / 14.0 s (iptables)' },
    );
    return { tool, rows };
  } finally {
    await net.dispose();
  }
}

/** The backends measured, side by side. */
export const benchBackends: BenchBackend[] = [iptablesBenchBackend('iptables-nft'), nftBenchBackend];

/** Measure every backend, one after the other, and print the rows side by side. */
export async function runKernelBench(only?: string): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('npm run bench -- --kernel needs root (it builds network namespaces)');
  const chosen = benchBackends.filter((b) => !only || b.name === only);
  // Interrupted: remove the namespaces first, then stop.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: removing the bench's namespaces…`);
      void disposeAllBenchNetworks().finally(() => process.exit(130));
    });
  }
  // Every figure is wall-clock time on a machine others may be using: print how busy it was.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Switchyard kernel bench: 10 vs ${large} bindings, each backend on its own fresh namespaces (load average ${load()}, ${cpus().length} CPUs)\n`);
  const results: { b: BenchBackend; tool: string; rows: Row[] }[] = [];
  for (const b of chosen) {
    console.log(`measuring ${b.name}…`);
    results.push({ b, ...(await measure(b)) });
  }
  console.log('');
  for (const r of results) console.log(`${r.b.name}: rules held by ${r.tool}`);
  console.log('');
  const whats = results[0]?.rows.map((r) => r.what) ?? [];
  console.log(`load average at the end: ${load()}\n`);
  for (const what of whats) {
    console.log(what);
    for (const r of results) {
      const row = r.rows.find((x) => x.what === what)!;
      console.log(`  ${r.b.name.padEnd(9)} ${row.value}`);
      console.log(`  ${''.padEnd(9)} measured with ${row.tool}; goal ${row.goal}`);
    }
  }
}
