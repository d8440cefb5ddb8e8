import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '@/lib/lab/paths';
import { bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';
import { underLoad } from './under-load';

// `migrate` moves a host's bindings between backends while a client keeps opening new connections
// through an export and the host itself uses an import: no connection may fail at any moment.
describe('migrate between backends under load', () => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork('iptables');
    await bind(net, [
      ...exportAndImport,
      ['export', '--proto', 'udp', '--port', '5353', '--to', '10.77.0.12:4422', '--id', 'dns'],
    ]);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const run = async (args: string[], extra: Record<string, string> = {}) =>
    execa('ip', ['netns', 'exec', net.ns.host, process.execPath, cliPath, '--state-dir', net.stateDir, '--json', ...args], {
      reject: false,
      env: { ...net.env, ...extra },
    });

  it('a host on iptables refuses --backend nft and points at migrate', async () => {
    const r = await run(['list'], { SWITCHYARD_BACKEND: 'nft' });
    expect(r.exitCode).toBe(3);
    expect(JSON.parse(String(r.stderr))).toMatchObject({ code: 'conflict', field: 'backend' });
    expect(String(r.stderr)).toContain('switchyard migrate --to nft');
  });

  for (const [from, to] of [
    ['iptables', 'nft'],
    ['nft', 'iptables'],
  ] as const) {
    it(`${from} → ${to}: no connection fails, and only ${to}'s rules remain`, async () => {
      let report: { from: string; to: string } | undefined;
      const outside = await underLoad(net.ns.out, '192.168.77.2', 2211, async () => {
        const own = await underLoad(net.ns.c1, '10.77.0.1', 3322, async () => {
          const r = await run(['migrate', '--to', to], { SWITCHYARD_BACKEND: to });
          expect(r.exitCode, String(r.stderr)).toBe(0);
          report = JSON.parse(String(r.stdout));
        });
        expect(own.filter((c) => !c.ok)).toEqual([]);
        expect(own.every((c) => c.reply === `c2: conn-${c.n}`)).toBe(true);
      });
      expect(report).toMatchObject({ from, to });
      expect(outside.length).toBeGreaterThan(20);
      expect(outside.filter((c) => !c.ok)).toEqual([]);
      expect(outside.every((c) => c.reply === `c1: conn-${c.n}`)).toBe(true);

      const list = await run(['list'], { SWITCHYARD_BACKEND: to });
      expect(list.exitCode, String(list.stderr)).toBe(0);
      expect(JSON.parse(String(list.stdout)).bindings.map((b: { state: string }) => b.state)).toEqual(['active', 'active', 'active']);
      const nat = (await net.exec(net.ns.host, 'iptables-nft-save', ['-t', 'nat'])).stdout;
      const table = await net.exec(net.ns.host, 'nft', ['list', 'table', 'ip', 'switchyard']);
      if (to === 'nft') {
        expect(nat).not.toMatch(/SWITCHYARD/);
        expect(table.exitCode).toBe(0);
      } else {
        expect(nat).toMatch(/SWITCHYARD-PRE/);
        expect(table.exitCode).not.toBe(0);
      }
      // Forwarding past FORWARD DROP stays, owned by whichever backend now holds the bindings.
      expect((await net.save()).split('\n').filter((l) => l.includes('switchyard:hook -j SWITCHYARD-FWD') || l.includes('"switchyard:hook" -j SWITCHYARD-FWD'))).toHaveLength(1);
      expect(await net.ask(net.ns.out, '192.168.77.2', 5353, 'udp', { udp: true })).toBe('c2: udp');
    });
  }

  it('migrating to the backend already in use changes nothing', async () => {
    const r = await run(['migrate', '--to', 'iptables']);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(JSON.parse(String(r.stdout))).toMatchObject({ from: 'iptables', to: 'iptables', script: '' });
  });
});
