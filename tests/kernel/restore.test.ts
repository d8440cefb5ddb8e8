import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchNetwork, type ScratchNetwork } from './scratch-network';

describe('restore after another tool wiped the tables', () => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork('iptables-nft');
    for (const s of [
      ['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web'],
      ['import', '--on', '10.77.0.1', '--port', '3322', '--to', '10.77.0.12:4422', '--id', 'svc'],
    ]) {
      const r = await net.sw(s);
      expect(r.exitCode, r.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const hooks = async () => (await net.save()).split('\n').filter((l) => l.includes('switchyard:hook'));

  it('brings every binding back after a flush of all tables, and traffic flows again', async () => {
    for (const args of [['-t', 'nat', '-F'], ['-t', 'nat', '-X'], ['-F'], ['-X']]) await net.exec(net.ns.host, 'iptables-nft', args);
    const missing = await net.sw(['list']);
    expect(missing.json.bindings.map((b: { state: string }) => b.state)).toEqual(['missing', 'missing']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'x', { timeoutMs: 800 })).toMatch(/^error/);

    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    const active = await net.sw(['list']);
    expect(active.json.bindings.map((b: { state: string }) => b.state)).toEqual(['active', 'active']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'back')).toBe('c1: back');
    expect(await net.ask(net.ns.c1, '10.77.0.1', 3322, 'import')).toBe('c2: import');
  });

  it('a second restore changes nothing: one jump per built-in chain, not two', async () => {
    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.script).toBe('');
    expect(await hooks()).toHaveLength(4);
  });

  it('reports a drifted binding and repairs it, removing a duplicated hook', async () => {
    const chain = (await net.save()).match(/-A (SWITCHYARD-B-\w+) -p tcp -m comment --comment "switchyard:web" -j DNAT/)![1];
    await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-R', chain, '3', '-p', 'tcp', '-m', 'comment', '--comment', 'switchyard:web', '-j', 'DNAT', '--to-destination', '10.77.0.99:1']);
    await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-A', 'PREROUTING', '-m', 'comment', '--comment', 'switchyard:hook', '-j', 'SWITCHYARD-PRE']);
    const s = await net.sw(['status']);
    const web = s.json.bindings.find((b: { id: string }) => b.id === 'web');
    expect(web.state).toBe('drifted');
    expect(web.drift.unexpected.join()).toContain('10.77.0.99:1');
    expect(web.drift.missing.join()).toContain('10.77.0.11:4422');
    expect(s.json.warnings.join()).toMatch(/web is drifted/);
    expect(await hooks()).toHaveLength(5);
    const r = await net.sw(['restore']);
    expect(r.json.script).toContain(`:${chain} - [0:0]`);
    expect(r.json.script).toContain('-D PREROUTING -m comment --comment "switchyard:hook" -j SWITCHYARD-PRE');
    expect(await hooks()).toHaveLength(4);
    expect((await net.sw(['list'])).json.bindings.every((b: { state: string }) => b.state === 'active')).toBe(true);
  });
});
