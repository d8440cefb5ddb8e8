import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNamespace, addVeth, deleteNamespace, listNamespaces } from '@/lib/lab/netns';
import { cliPath, nameServicePath } from '@/lib/lab/paths';
import type { BackendName } from '@/lib/engine/backend';

/**
 * A small real network for one kernel test, in fresh namespaces named `syk<n>-…`:
 *
 *   out (192.168.77.10) ── eth0 192.168.77.2 [host] weave 10.77.0.1 ── c1 10.77.0.11, c2 10.77.0.12
 *
 * host forwards with its FORWARD policy at DROP (as a Docker host); c1 and c2 run name services
 * (TCP and UDP on 4422) answering `c1: …` / `c2: …`. `dispose()` removes every namespace,
 * process and file it made, also after a failed test.
 */
export interface ScratchNetwork {
  ns: { host: string; out: string; c1: string; c2: string };
  stateDir: string;
  /** The backend the CLI runs with (SWITCHYARD_BACKEND), and the iptables flavour it and the host's FORWARD DROP use. */
  backend: BackendName;
  flavour: Flavour;
  /** The environment the CLI runs with. */
  env: Record<string, string>;
  /** Run the CLI on the host with `--json`, under `SWITCHYARD_BACKEND` = backend and `SWITCHYARD_IPTABLES` = flavour. */
  sw(args: string[], opts?: { input?: string }): Promise<{ exitCode: number; stdout: string; stderr: string; json: any }>;
  /** Run a command inside one of the namespaces. */
  exec(ns: string, file: string, args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** One exchange with a real client: the service's answer, or the error. */
  ask(from: string, host: string, port: number, text: string, opts?: { udp?: boolean; timeoutMs?: number }): Promise<string>;
  /** Open a TCP connection and hold it; `send` sends one line and resolves with the answer. */
  hold(from: string, host: string, port: number): Promise<{ send(text: string): Promise<string> }>;
  /** The host's iptables-save (nat + filter), for byte-for-byte comparisons. */
  save(): Promise<string>;
  /** The host's `nft list ruleset`. */
  ruleset(): Promise<string>;
  /** What the backend holds, as text: iptables-save, or `nft list table ip switchyard` (empty when absent). */
  owned(): Promise<string>;
  /** The DNAT targets (`addr:port`) the kernel holds for one binding. */
  targetsOf(id: string): Promise<string[]>;
  dispose(): Promise<void>;
}

export const clientPath = fileURLToPath(new URL('../lab/lab-client.mjs', import.meta.url));
let counter = 0;

export type Flavour = 'iptables-nft' | 'iptables-legacy';

/**
 * The backends kernel tests run on: both, unless SWITCHYARD_TEST_BACKENDS narrows them
 * (`describe.each(backends)` makes one suite per backend, not a copy).
 */
export const backends: BackendName[] = (process.env.SWITCHYARD_TEST_BACKENDS?.split(',') as BackendName[] | undefined) ?? ['iptables', 'nft'];

/** Every backend with every iptables flavour it runs with: the iptables backend on iptables-nft and iptables-legacy, nft on its own table. */
export const backendFlavours: [BackendName, Flavour][] = backends.flatMap((b): [BackendName, Flavour][] =>
  b === 'iptables' ? [[b, 'iptables-nft'], [b, 'iptables-legacy']] : [[b, 'iptables-nft']],
);

/** Build the scratch network for one backend; `flavour` picks iptables-nft or iptables-legacy. */
export async function scratchNetwork(backend: BackendName = 'iptables', flavour: Flavour = 'iptables-nft'): Promise<ScratchNetwork> {
  const env = { SWITCHYARD_IPTABLES: flavour, SWITCHYARD_BACKEND: backend };
  const p = `syk${process.pid % 10000}x${counter++}`;
  const ns = { host: `${p}-host`, out: `${p}-out`, c1: `${p}-c1`, c2: `${p}-c2` };
  const stateDir = await mkdtemp(join(tmpdir(), 'switchyard-kernel-'));
  const procs: { kill(sig?: NodeJS.Signals): boolean }[] = [];
  const run = async (file: string, args: string[]) => {
    const r = await execa(file, args, { reject: false, timeout: 20_000 });
    return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const must = async (file: string, args: string[]) => {
    const r = await run(file, args);
    if (r.exitCode !== 0) throw new Error(`${file} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const inNs = (n: string, file: string, args: string[]) => must('ip', ['netns', 'exec', n, file, ...args]);

  const net: ScratchNetwork = {
    ns,
    stateDir,
    backend,
    flavour,
    env,
    async sw(args, opts = {}) {
      const r = await execa('ip', ['netns', 'exec', ns.host, process.execPath, cliPath, '--state-dir', stateDir, '--json', ...args], {
        reject: false,
        input: opts.input,
        env,
        timeout: 30_000,
      });
      const stdout = String(r.stdout);
      return { exitCode: r.exitCode ?? 1, stdout, stderr: String(r.stderr), json: stdout ? JSON.parse(stdout) : JSON.parse(String(r.stderr) || 'null') };
    },
    exec: (n, file, args) => run('ip', ['netns', 'exec', n, file, ...args]),
    async ask(from, host, port, text, opts = {}) {
      const out = await inNs(from, process.execPath, [clientPath, 'ask', host, String(port), text, ...(opts.udp ? ['--udp'] : []), '--timeout', String(opts.timeoutMs ?? 3000)]);
      const doc = JSON.parse(out.trim().split('\n').pop()!);
      return doc.ok ? doc.reply : `error: ${doc.error}`;
    },
    async hold(from, host, port) {
      const child = execa('ip', ['netns', 'exec', from, process.execPath, clientPath, 'hold', host, String(port), '--timeout', '5000'], { reject: false });
      procs.push(child);
      const lines: string[] = [];
      let wake: () => void = () => undefined;
      child.stdout!.setEncoding('utf8');
      let buf = '';
      child.stdout!.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          lines.push(buf.slice(0, i));
          buf = buf.slice(i + 1);
          wake();
        }
      });
      const next = async () => {
        while (lines.length === 0) await new Promise<void>((r) => (wake = r));
        return JSON.parse(lines.shift()!);
      };
      const first = await next();
      if (!first.connected) throw new Error(`hold: could not connect: ${JSON.stringify(first)}`);
      return {
        async send(text) {
          child.stdin!.write(`${text}\n`);
          const doc = await next();
          return doc.ok ? doc.reply : `error: ${doc.error}`;
        },
      };
    },
    async save() {
      const out = await inNs(ns.host, `${flavour}-save`, []);
      return out.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    },
    async ruleset() {
      return inNs(ns.host, 'nft', ['list', 'ruleset']);
    },
    async owned() {
      if (backend === 'iptables') return net.save();
      const r = await run('ip', ['netns', 'exec', ns.host, 'nft', 'list', 'table', 'ip', 'switchyard']);
      return r.exitCode === 0 ? r.stdout : '';
    },
    async targetsOf(id) {
      if (backend === 'iptables') {
        const re = new RegExp(`"switchyard:${id}" -j DNAT --to-destination (\\S+)`);
        return [...new Set((await net.save()).split('\n').flatMap((l) => re.exec(l)?.[1] ?? []))];
      }
      const r = await run('ip', ['netns', 'exec', ns.host, 'nft', '-j', 'list', 'table', 'ip', 'switchyard']);
      if (r.exitCode !== 0) return [];
      const items: any[] = JSON.parse(r.stdout).nftables;
      return items
        .filter((i) => i.map && /_targets$/.test(i.map.name))
        .flatMap((i) => i.map.elem ?? [])
        .filter(([k]: any[]) => k.elem?.comment === `switchyard:${id}`)
        .map(([, v]: any[]) => v.concat.join(':'))
        .filter((t: string, i: number, all: string[]) => all.indexOf(t) === i);
    },
    async dispose() {
      for (const p of procs) p.kill('SIGKILL');
      const live = await listNamespaces();
      for (const n of Object.values(ns)) {
        if (!live.includes(n)) continue;
        const pids = (await run('ip', ['netns', 'pids', n])).stdout.split('\n').filter(Boolean);
        for (const pid of pids) await run('kill', ['-9', pid]);
        await deleteNamespace(n).catch(() => undefined);
      }
      await rm(stateDir, { recursive: true, force: true });
    },
  };

  try {
    for (const n of Object.values(ns)) await addNamespace(n);
    await addVeth({ ns: ns.out, iface: 'eth0' }, { ns: ns.host, iface: 'eth0' });
    await inNs(ns.host, 'ip', ['link', 'add', 'weave', 'type', 'bridge']);
    await inNs(ns.host, 'ip', ['addr', 'add', '10.77.0.1/24', 'dev', 'weave']);
    await inNs(ns.host, 'ip', ['addr', 'add', '192.168.77.2/24', 'dev', 'eth0']);
    await inNs(ns.out, 'ip', ['addr', 'add', '192.168.77.10/24', 'dev', 'eth0']);
    for (const [name, addr] of [['c1', '10.77.0.11'], ['c2', '10.77.0.12']] as const) {
      await addVeth({ ns: ns[name], iface: 'ethwe' }, { ns: ns.host, iface: `v${name}` });
      await inNs(ns.host, 'ip', ['link', 'set', `v${name}`, 'master', 'weave', 'up']);
      await inNs(ns[name], 'ip', ['addr', 'add', `${addr}/24`, 'dev', 'ethwe']);
      await inNs(ns[name], 'ip', ['link', 'set', 'ethwe', 'up']);
      await inNs(ns[name], 'ip', ['route', 'add', 'default', 'via', '10.77.0.1']);
    }
    for (const l of ['weave', 'eth0']) await inNs(ns.host, 'ip', ['link', 'set', l, 'up']);
    await inNs(ns.out, 'ip', ['link', 'set', 'eth0', 'up']);
    await inNs(ns.host, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
    await inNs(ns.host, `${flavour}`, ['-P', 'FORWARD', 'DROP']);
    for (const name of ['c1', 'c2'] as const) {
      const pidFile = join(stateDir, `${name}.pid`);
      const child = execa('ip', ['netns', 'exec', ns[name], process.execPath, nameServicePath, name, '4422', pidFile], { reject: false, stdio: 'ignore' });
      procs.push(child);
      for (let i = 0; i < 200; i++) {
        if (await run('test', ['-s', pidFile]).then((r) => r.exitCode === 0)) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } catch (e) {
    await net.dispose();
    throw e;
  }
  return net;
}

/** The two bindings many kernel tests start from: c1 exported on eth0:2211, c2 imported on the host's overlay address. */
export const exportAndImport: readonly string[][] = [
  ['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web'],
  ['import', '--on', '10.77.0.1', '--port', '3322', '--to', '10.77.0.12:4422', '--id', 'svc'],
];

/** Create each binding with the CLI, in order; the first one the host refuses fails the test with its reason. */
export async function bind(net: ScratchNetwork, specs: readonly (readonly string[])[]): Promise<void> {
  for (const s of specs) {
    const r = await net.sw([...s]);
    if (r.exitCode !== 0) throw new Error(`${s.join(' ')}: exit ${r.exitCode}: ${r.stderr}`);
  }
}
