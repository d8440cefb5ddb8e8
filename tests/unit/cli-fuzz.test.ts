import { describe, expect, it } from 'vitest';
import { runSwitchyard } from '@/lib/engine';
import { EngineError } from '@/lib/engine/errors';
import { parseBindingFile } from '@/lib/engine/model/validate';
import { parseHostState } from '@/lib/engine/state/state-schema';
import { SimHost } from '@/lib/hosts/sim/sim-host';
import { seedNetwork } from '@/lib/hosts/sim/seed-network';

// Fuzzing the argument parser and the file parsers with a fixed seed and a bounded count: every
// outcome is an exit code from 0 to 5 with a typed error, never a crash or a stack trace.

/** mulberry32: a small deterministic generator, so a failure replays exactly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];
const verbs = ['export', 'import', 'rebind', 'remove', 'list', 'status', 'plan', 'apply', 'restore', 'flush', 'expose', 'hide', ...inherited, '', 'EXPORT'];
const flags = [
  ...['port', 'in', 'on', 'proto', 'to', 'id', 'no-masquerade', 'cut', 'revision', 'file', 'forget', 'bridge', 'name', 'force', 'allow-local-target'].map((f) => `--${f}`),
  ...['json', 'help', 'backend', 'state-dir'].map((f) => `--${f}`),
  ...inherited.map((f) => `--${f}`),
  '--',
  '--=',
  '-',
  '--port=',
  '--to=a1:4422',
];
const values = [
  '2211', '0', '65535', '65536', '-1', '1e3', '0x10', ' 22', '22 ', '99999999999999999999',
  'a1:4422', '10.2.1.1:4422', '127.0.0.1:22', '0.0.0.0:1', '255.255.255.255:9', '224.0.0.1:5', '192.168.1.2:80', 'a1:', ':4422', 'a1;reboot:1', '$(reboot):1',
  '10.2.1.3', '10.2.1.3/16', '10.2.1.300', '10.2.1.3/33', 'eth0', 'weave', 'eth0 -j ACCEPT', 'tcp', 'udp', 'icmp', 'web', 'Web', 'hook', 'nc',
  'nft', 'iptables', '/tmp/x', 'relative', '-', '"', '\\', '\u0000', '🙂', 'x'.repeat(5000), '{}', '[]', 'true', 'null',
];

/** A random command line from the pools above, sometimes with pure noise. */
function argvFrom(g: ReturnType<typeof generator>): string[] {
  const argv: string[] = [];
  if (g.next() < 0.5) argv.push('--json');
  argv.push(g.pick(verbs));
  const n = g.int(7);
  for (let i = 0; i < n; i++) {
    const r = g.next();
    if (r < 0.45) argv.push(g.pick(flags), g.pick(values));
    else if (r < 0.7) argv.push(g.pick(flags));
    else if (r < 0.9) argv.push(g.pick(values));
    else argv.push(String.fromCharCode(...Array.from({ length: g.int(12) }, () => g.int(0x3000))));
  }
  if (g.next() < 0.3) argv.splice(g.int(argv.length + 1), 0, '--json');
  return argv;
}

const bindingFields = ['id', 'kind', 'proto', 'port', 'in', 'on', 'to', 'masquerade', 'constructor', '__proto__', 'extra'];
const fieldValues: unknown[] = [...values, 1, 0, -1, 70000, 2.5, true, false, null, [], {}, ['a'], { a: { b: 1 } }];

/** A random bindings document: mostly near-valid, sometimes broken text or absurd nesting. */
function fileFrom(g: ReturnType<typeof generator>): string {
  const r = g.next();
  if (r < 0.1) return '['.repeat(g.int(30000)) + ']'.repeat(g.int(30000));
  if (r < 0.15) return '{"bindings":[' + '{"a":'.repeat(g.int(25000)) + '1' + '}'.repeat(g.int(25000)) + ']}';
  if (r < 0.25) return JSON.stringify({ bindings: [] }).slice(0, g.int(16));
  if (r < 0.3) return g.pick(['', 'null', '[]', '{}', '{"bindings":{}}', '{"bindings":[1]}', '{"__proto__":{"bindings":[]}}']);
  const bindings = Array.from({ length: g.int(4) }, (_, i) => {
    const b: Record<string, unknown> = { id: `b${i}`, kind: g.pick(['export', 'import']), port: 3000 + g.int(50), to: g.pick(['a1:4422', '192.168.1.3:2211', '127.0.0.1:1']) };
    if (b.kind === 'import') b.on = '10.2.1.3';
    for (let k = g.int(3); k > 0; k--) {
      const f = g.pick(bindingFields);
      if (g.next() < 0.2) delete b[f];
      else b[f] = g.pick(fieldValues);
    }
    return b;
  });
  return JSON.stringify({ bindings });
}

/** A state file: a good one with a few fields (at any depth) replaced by random values. */
function stateFrom(g: ReturnType<typeof generator>): string {
  const state: any = {
    version: 1,
    bindings: Array.from({ length: 1 + g.int(3) }, (_, i) => ({
      id: `b${i}`,
      kind: 'export',
      proto: 'tcp',
      front: { port: 3000 + i, iface: 'eth0' },
      target: { name: 'a1', address: '10.2.1.1', port: 4422 },
      masquerade: true,
      revision: 1,
    })),
    exposed: [{ cidr: '10.2.1.3/16', bridge: 'weave' }],
  };
  for (let k = 1 + g.int(3); k > 0; k--) {
    let at = state;
    for (let d = g.int(3); d > 0 && at && typeof at === 'object'; d--) {
      const keys = Object.keys(at);
      if (keys.length === 0) break;
      const next = at[g.pick(keys)];
      if (!next || typeof next !== 'object') break;
      at = next;
    }
    if (at && typeof at === 'object') at[g.pick([...Object.keys(at), ...bindingFields])] = structuredClone(g.pick(fieldValues));
  }
  return JSON.stringify(state);
}

function simHost() {
  const spec = seedNetwork.hosts[0];
  const names: Record<string, string> = { a1: '10.2.1.1', a2: '10.2.1.2' };
  return new SimHost({ ...spec, interfaces: spec.interfaces.map((i) => (i.name === 'weave' ? { ...i, addresses: [spec.expose.cidr] } : i)) }, (n) => names[n]);
}

const codes = new Set(['bad-input', 'unknown-id', 'conflict', 'kernel-refused', 'lock-timeout', 'host-failure']);

/** Every outcome: an exit code 0–5; a failure says why on stderr, as one JSON object under --json; never a stack trace. */
function expectTyped(argv: string[], r: { exitCode: number; stdout: string; stderr: string }) {
  const what = JSON.stringify(argv).slice(0, 300);
  expect([0, 1, 2, 3, 4, 5], what).toContain(r.exitCode);
  expect(r.stderr, what).not.toMatch(/\n\s+at /);
  expect(r.stderr, what).not.toMatch(/internal error/);
  if (r.exitCode === 0) return;
  expect(r.stderr.length, what).toBeGreaterThan(0);
  if (!argv.includes('--json')) return;
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, what).toBe(1);
  const report = JSON.parse(lines[0]);
  expect(codes.has(report.code), what).toBe(true);
  expect(typeof report.message, what).toBe('string');
}

describe('fuzzing the CLI (fixed seed, bounded count)', () => {
  it('1,500 random command lines: every one ends in a typed exit code', async () => {
    const g = generator(0x5eed);
    let host = simHost();
    for (let i = 0; i < 1500; i++) {
      if (i % 100 === 0) host = simHost();
      const argv = argvFrom(g);
      const r = await runSwitchyard(argv, { runner: host.runner, store: host.store, hostname: 'host1', stdin: '{"bindings":[]}' });
      expectTyped(argv, r);
    }
  }, 120_000);

  it('400 random bindings files through plan and apply: every one ends in a typed exit code', async () => {
    const g = generator(0xf11e);
    let host = simHost();
    for (let i = 0; i < 400; i++) {
      if (i % 50 === 0) host = simHost();
      const text = fileFrom(g);
      const argv = [...(g.next() < 0.5 ? ['--json'] : []), g.pick(['plan', 'apply']), '--file', '-', ...(g.next() < 0.2 ? ['--allow-local-target'] : [])];
      const r = await runSwitchyard(argv, { runner: host.runner, store: host.store, hostname: 'host1', stdin: text });
      expectTyped([...argv, text.slice(0, 200)], r);
    }
  }, 120_000);

  it('the file parsers alone: a spec list or an EngineError, nothing else', () => {
    const g = generator(0xbeef);
    for (let i = 0; i < 1000; i++) {
      const text = g.next() < 0.5 ? fileFrom(g) : stateFrom(g);
      for (const parse of [() => parseBindingFile(text), () => parseHostState(text, '/x/state.json')]) {
        try {
          parse();
        } catch (e) {
          expect(e, text.slice(0, 200)).toBeInstanceOf(EngineError);
          expect([1, 2]).toContain((e as EngineError).exitCode);
        }
      }
    }
  }, 120_000);
});
