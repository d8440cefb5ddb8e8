/**
 * Kernel bench rows for the nft backend (`npm run bench -- --kernel`, root): each figure measured
 * side by side in one run, in namespaces this bench builds and removes. Prints ratios, asserts nothing.
 */
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { cliPath } from '@/lib/lab/paths';
import { clientPath, scratchNetwork, type ScratchNetwork } from '../../tests/kernel/scratch-network';

/** One printed row: what, the two figures, their ratio, the goal, and how it was measured. */
export interface BenchRow {
  what: string;
  a: string;
  b: string;
  ratio: number;
  goal: string;
  tools: string;
}

const maxRss = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const s = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - s) / 1e6;
}

/** `count` exports on eth0, ports 10000…, all to c1. */
const bindingsFile = (count: number) =>
  JSON.stringify({ bindings: Array.from({ length: count }, (_, i) => ({ id: `b-${i}`, kind: 'export', in: 'eth0', port: 10000 + i, to: '10.77.0.11:4422' })) });

async function must(net: ScratchNetwork, args: string[], input?: string) {
  const r = await net.sw(args, input !== undefined ? { input } : {});
  if (r.exitCode !== 0) throw new Error(`switchyard ${args.join(' ')}: ${r.stderr}`);
  return r;
}

/** Median wall time of `runs` rebinds of the binding `id`, alternating between c1 and c2. */
async function rebindTime(net: ScratchNetwork, id: string, runs = 7): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(await timed(() => must(net, ['rebind', id, '--to', `10.77.0.1${1 + ((i + 1) % 2)}:4422`])));
  return median(t);
}

/** New TCP connections per second from `out` to the host's port, one after another (lab-client loop). */
async function connectionRate(net: ScratchNetwork, port: number, count = 1500): Promise<number> {
  const r = await execa('ip', ['netns', 'exec', net.ns.out, process.execPath, clientPath, 'loop', '192.168.77.2', String(port), '--max', String(count), '--timeout', '3000'], {
    reject: false,
  }); // stdin stays open: the client stops at --max, or when stdin ends
  const lines = String(r.stdout).trim().split('\n').map((l) => JSON.parse(l) as { started: number; ok: boolean });
  const failed = lines.filter((l) => !l.ok).length;
  if (failed) throw new Error(`${failed} of ${lines.length} connections failed`);
  return (lines.length - 1) / ((lines[lines.length - 1].started - lines[0].started) / 1000);
}

/** The floor of a rebind: starting node, plus one `nft -f` that replaces one element, both in the host's namespace. */
async function rebindFloor(net: ScratchNetwork, port: number): Promise<number> {
  const inNs = ['netns', 'exec', net.ns.host];
  const node: number[] = [];
  const nft: number[] = [];
  for (let i = 0; i < 7; i++) {
    node.push(await timed(() => execa('ip', [...inNs, process.execPath, '-e', '0'])));
    const to = `10.77.0.1${1 + (i % 2)} . 4422`;
    const script = `delete element ip switchyard export_targets { "eth0" . tcp . ${port} }\nadd element ip switchyard export_targets { "eth0" . tcp . ${port} comment "floor" : ${to} }\n`;
    nft.push(await timed(() => execa('ip', [...inNs, 'nft', '-f', '-'], { input: script })));
  }
  return median(node) + median(nft);
}

/** Peak memory of `switchyard list` (KiB). */
async function listMemory(net: ScratchNetwork): Promise<number> {
  const r = await execa('ip', ['netns', 'exec', net.ns.host, process.execPath, maxRss, cliPath, '--state-dir', net.stateDir, '--json', 'list'], { reject: false, env: net.env });
  const m = /max-rss-kib (\d+)/.exec(String(r.stderr));
  if (r.exitCode !== 0 || !m) throw new Error(`list failed: ${r.stderr}`);
  return Number(m[1]);
}

/**
 * One `iptables -t nat -A` process per rule, as the seed page does it, for `count` rules. Each
 * append reads and rewrites the table, so it slows as the table fills: measured as `sample`
 * appends at an empty, a half-full and a full table (filled by one iptables-restore), and the
 * total integrated over the fill (trapezoid rule), so the bench does not run 10,000 processes.
 */
async function appendOneByOne(count: number, sample = 40): Promise<number> {
  const ns = `sybench${process.pid % 10000}-ipt`;
  const rule = (port: number) => ['-A', 'PREROUTING', '-i', 'eth0', '-p', 'tcp', '--dport', String(port), '-j', 'DNAT', '--to-destination', '10.77.0.11:4422'];
  const perAppend = async (filled: number): Promise<number> => {
    await execa('ip', ['netns', 'add', ns]);
    try {
      const fill = ['*nat', ...Array.from({ length: filled }, (_, i) => rule(10000 + i).join(' ')), 'COMMIT', ''].join('\n');
      if (filled) await execa('ip', ['netns', 'exec', ns, 'iptables-restore', '--noflush'], { input: fill });
      const t = await timed(async () => {
        for (let i = 0; i < sample; i++) await execa('ip', ['netns', 'exec', ns, 'iptables', '-t', 'nat', ...rule(50000 + i)]);
      });
      return t / sample;
    } finally {
      await execa('ip', ['netns', 'delete', ns], { reject: false });
    }
  };
  const [empty, half, full] = [await perAppend(0), await perAppend(Math.floor(count / 2)), await perAppend(count)];
  return (count / 2) * ((empty + half) / 2) + (count / 2) * ((half + full) / 2);
}

/** The nft backend's rows, measured at `small` and `large` bindings. */
export async function nftKernelRows(opts: { small?: number; large?: number; log?: (s: string) => void } = {}): Promise<BenchRow[]> {
  const small = opts.small ?? 10;
  const large = opts.large ?? 10_000;
  const log = opts.log ?? (() => undefined);
  const net = await scratchNetwork('nft');
  try {
    const rows: BenchRow[] = [];
    log(`nft: ${small} bindings`);
    await must(net, ['apply', '--file', '-'], bindingsFile(small));
    const rebindSmall = await rebindTime(net, `b-${small - 1}`);
    const connSmall = await connectionRate(net, 10000 + small - 1);
    await must(net, ['flush', '--forget']);

    log(`nft: apply ${large} bindings from empty`);
    const applyLarge = await timed(() => must(net, ['apply', '--file', '-'], bindingsFile(large)));
    log(`nft: rebind, connections and list at ${large}`);
    const rebindLarge = await rebindTime(net, `b-${large - 1}`);
    const connLarge = await connectionRate(net, 10000 + large - 1);
    const memory = await listMemory(net);
    const floor = await rebindFloor(net, 10000 + large - 1);
    await must(net, ['restore']);
    log(`nft: ${large} × iptables -t nat -A, one process each`);
    const oneByOne = await appendOneByOne(large);

    rows.push({ what: `rebind at ${small} vs ${large} bindings`, a: ms(rebindSmall), b: ms(rebindLarge), ratio: rebindLarge / rebindSmall, goal: '≤ 1.2×', tools: 'switchyard rebind (CLI, ip netns exec), median of 7' });
    rows.push({ what: `rebind at ${large} vs its floor`, a: ms(floor), b: ms(rebindLarge), ratio: rebindLarge / floor, goal: '≤ 2×', tools: 'floor: node -e 0 + nft -f replacing one element, medians of 7' });
    rows.push({ what: `apply ${large} from empty vs iptables -A per rule`, a: ms(applyLarge), b: ms(oneByOne), ratio: oneByOne / applyLarge, goal: '≥ 50×', tools: 'switchyard apply --file (one nft -f) vs iptables(-nft) -t nat -A per rule, integrated from 3×40 sampled appends at 0, N/2, N rules' });
    rows.push({ what: `new connections/s to the last binding, ${large} vs ${small}`, a: connSmall.toFixed(0), b: connLarge.toFixed(0), ratio: connLarge / connSmall, goal: '≥ 0.8×', tools: 'lab-client.mjs loop (node, one connection after another), 1500 connections' });
    rows.push({ what: `peak memory of list at ${large} (MiB)`, a: '', b: (memory / 1024).toFixed(1), ratio: memory / 1024 / 100, goal: '≤ 100 MB (ratio to 100 MB ≤ 1)', tools: 'process.resourceUsage().maxRSS of the CLI' });
    return rows;
  } finally {
    await net.dispose();
  }
}
