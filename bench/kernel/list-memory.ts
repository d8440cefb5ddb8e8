/**
 * `npx tsx bench/kernel/list-memory.ts up` (root): one bench network with 10,000 nft bindings,
 * kept until this process gets SIGINT/SIGTERM, then removed; where it is goes to `switchyard-list-memory.json`
 * in the temp dir. `… measure [runs]`: the peak memory of `list` on it, as the kernel bench
 * measures it, and the md5 of `list`/`status`, text and `--json`.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { benchCli, benchNetwork } from './bench-network';
import { peakTreeMemoryMb } from './measure';
import { nftBenchBackend } from './nft';

const where = join(tmpdir(), 'switchyard-list-memory.json');
const large = Number(process.env.BENCH_BINDINGS ?? 10_000);
const b = nftBenchBackend;

async function up(): Promise<void> {
  const net = await benchNetwork(b.env);
  const done = async () => {
    await net.dispose();
    await rm(where, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', done);
  process.on('SIGTERM', done);
  try {
    const target = net.targetAddress;
    const fillers = Array.from({ length: large }, (_, i) => ({ id: `b-${String(i).padStart(5, '0')}`, kind: 'export', in: 'eth0', port: 10_000 + i, to: `${target}:4422` }));
    const file = JSON.stringify({
      bindings: [...fillers, { id: 'zz-connect', kind: 'export', in: 'eth0', port: 5000, to: `${target}:5001` }, { id: 'zz-iperf', kind: 'export', in: 'eth0', port: 5200, to: `${target}:5201` }],
    });
    await net.sw([...b.cli, 'apply', '--file', '-'], { input: file });
    await writeFile(where, JSON.stringify({ host: net.ns.host, stateDir: net.stateDir }));
    console.log(`up: ${net.ns.host} ${net.stateDir}`);
  } catch (e) {
    console.error(e);
    await done();
  }
  setInterval(() => undefined, 1 << 30);
}

async function measure(runs: number): Promise<void> {
  const { host, stateDir } = JSON.parse(await readFile(where, 'utf8'));
  const cli = [process.env.BENCH_CLI ?? benchCli, ...b.cli, '--state-dir', stateDir];
  for (const args of [['list'], ['--json', 'list'], ['status'], ['--json', 'status']]) {
    const r = await execa('ip', ['netns', 'exec', host, process.execPath, ...cli, ...args], { env: b.env, maxBuffer: 1 << 30 });
    console.log(`md5 ${args.join(' ').padEnd(14)} ${createHash('md5').update(String(r.stdout)).digest('hex')} (${String(r.stdout).length} chars)`);
  }
  for (let i = 0; i < runs; i++) {
    const p = await peakTreeMemoryMb(host, process.execPath, [...cli, '--json', 'list'], b.env);
    console.log(`list peak: tree ${p.tree.toFixed(1)} MB, largest ${p.largest.toFixed(1)} MB`);
  }
  // Where the peak is: node alone, or node and an nft child together.
  const child = execa('ip', ['netns', 'exec', host, process.execPath, ...cli, '--json', 'list'], { env: b.env, maxBuffer: 1 << 30 });
  let withChild = 0;
  let alone = 0;
  while (child.exitCode === null) {
    const ps = await execa('ps', ['-p', String(child.pid), '-o', 'pid=,rss=,comm='], { reject: false });
    const node = String(ps.stdout).trim().split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/))[0];
    if (node) {
      const kids = await execa('ps', ['--ppid', node[0], '-o', 'rss=,comm='], { reject: false });
      const rows = String(kids.stdout).trim().split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));
      const sum = Number(node[1]) + rows.reduce((a, r) => a + Number(r[0]), 0);
      if (rows.some((r) => r[1] === 'nft')) withChild = Math.max(withChild, sum);
      else alone = Math.max(alone, sum);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await child;
  console.log(`sampled: node + nft ${(withChild / 1024).toFixed(1)} MB, node alone ${(alone / 1024).toFixed(1)} MB`);
}

if (process.argv[2] === 'up') await up();
else await measure(Number(process.argv[3] ?? 3));
