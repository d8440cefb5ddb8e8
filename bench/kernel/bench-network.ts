import { execa, type ResultPromise } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAddress, addBridge, addNamespace, addVeth, attachToBridge, deleteNamespace, linkUp, listNamespaces, setSysctl } from '@/lib/lab/netns';
import { cliPath } from '@/lib/lab/paths';

/**
 * The bench's own network, in fresh namespaces `syb<pid>-…`, removed by `dispose()` whatever happened:
 *
 *   out 192.168.78.10 ── eth0 192.168.78.2 [host] weave 10.78.0.1 ── c1 10.78.0.11
 *
 * out routes 10.78.0.0/24 through host (the "direct" path); FORWARD accepts, so direct and
 * exported traffic cross the same host.
 */
export interface BenchNetwork {
  ns: { host: string; out: string; c1: string };
  hostAddress: string;
  targetAddress: string;
  stateDir: string;
  /** Run the engine CLI on the host with --json; throws when it fails. */
  sw(args: string[], opts?: { input?: string; env?: Record<string, string> }): Promise<any>;
  /** Run a program in a namespace; throws when it fails. */
  run(ns: string, file: string, args: string[], input?: string): Promise<string>;
  /** Start a long-running program in a namespace (killed by dispose). */
  start(ns: string, file: string, args: string[]): ResultPromise;
  dispose(): Promise<void>;
}

/** The engine the bench runs: this repository's bundle, or another one (`BENCH_CLI`, e.g. an older build to compare with). */
export const benchCli = process.env.BENCH_CLI ?? cliPath;

let counter = 0;

/** Networks built and not yet removed, so an interrupted bench (Ctrl-C) still removes them. */
const live = new Set<BenchNetwork>();

/** Remove every bench network still standing. */
export async function disposeAllBenchNetworks(): Promise<void> {
  for (const net of [...live]) await net.dispose();
}

export async function benchNetwork(env: Record<string, string>): Promise<BenchNetwork> {
  const p = `syb${process.pid % 10000}x${counter++}`;
  const ns = { host: `${p}-host`, out: `${p}-out`, c1: `${p}-c1` };
  const stateDir = await mkdtemp(join(tmpdir(), 'switchyard-bench-'));
  const procs: ResultPromise[] = [];
  const run = async (n: string, file: string, args: string[], input?: string) => {
    const r = await execa('ip', ['netns', 'exec', n, file, ...args], { reject: false, input, env, maxBuffer: 1 << 30 });
    if (r.exitCode !== 0) throw new Error(`${file} ${args.join(' ').slice(0, 200)} in ${n}: ${String(r.stderr).slice(0, 500)}`);
    return String(r.stdout);
  };
  const net: BenchNetwork = {
    ns,
    hostAddress: '192.168.78.2',
    targetAddress: '10.78.0.11',
    stateDir,
    async sw(args, opts = {}) {
      const r = await execa('ip', ['netns', 'exec', ns.host, process.execPath, benchCli, '--state-dir', stateDir, '--json', ...args], {
        reject: false,
        input: opts.input,
        env: { ...env, ...opts.env },
        maxBuffer: 1 << 30,
      });
      if (r.exitCode !== 0) throw new Error(`switchyard ${args.join(' ').slice(0, 100)}: exit ${r.exitCode}: ${String(r.stderr).slice(0, 500)}`);
      return JSON.parse(String(r.stdout));
    },
    run,
    start(n, file, args) {
      const child = execa('ip', ['netns', 'exec', n, file, ...args], { reject: false, buffer: false, stdio: ['ignore', 'pipe', 'ignore'] });
      procs.push(child);
      return child;
    },
    async dispose() {
      live.delete(net);
      for (const c of procs) c.kill('SIGKILL');
      const standing = await listNamespaces();
      for (const n of Object.values(ns)) {
        if (!standing.includes(n)) continue;
        const pids = await execa('ip', ['netns', 'pids', n], { reject: false });
        for (const pid of String(pids.stdout).split('\n').filter(Boolean)) await execa('kill', ['-9', pid], { reject: false });
        await deleteNamespace(n).catch(() => undefined);
      }
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  live.add(net);
  try {
    for (const n of Object.values(ns)) await addNamespace(n);
    await addVeth({ ns: ns.out, iface: 'eth0' }, { ns: ns.host, iface: 'eth0' });
    await addBridge(ns.host, 'weave');
    await addVeth({ ns: ns.c1, iface: 'ethwe' }, { ns: ns.host, iface: 'vc1' });
    await attachToBridge(ns.host, 'vc1', 'weave');
    await addAddress(ns.host, 'eth0', '192.168.78.2/24');
    await addAddress(ns.host, 'weave', '10.78.0.1/24');
    await addAddress(ns.out, 'eth0', '192.168.78.10/24');
    await addAddress(ns.c1, 'ethwe', '10.78.0.11/24');
    for (const [n, i] of [[ns.host, 'eth0'], [ns.host, 'vc1'], [ns.out, 'eth0'], [ns.c1, 'ethwe']] as const) await linkUp(n, i);
    await run(ns.c1, 'ip', ['route', 'add', 'default', 'via', '10.78.0.1']);
    await run(ns.out, 'ip', ['route', 'add', '10.78.0.0/24', 'via', '192.168.78.2']);
    await setSysctl(ns.host, 'net.ipv4.ip_forward', '1');
    // Many short connections: let the client reuse ports quickly.
    await setSysctl(ns.out, 'net.ipv4.ip_local_port_range', '1024 65000');
    await setSysctl(ns.out, 'net.ipv4.tcp_tw_reuse', '1');
  } catch (e) {
    await net.dispose();
    throw e;
  }
  return net;
}
