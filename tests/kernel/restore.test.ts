import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';

describe.each(backends)('restore after another tool wiped the tables (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await bind(net, exportAndImport);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const hooks = async () => (await net.save()).split('\n').filter((l) => l.includes('switchyard:hook'));
  const states = async () => (await net.sw(['list'])).json.bindings.map((b: { state: string }) => b.state);

  it('brings every binding back after `nft flush ruleset`, and traffic flows again', async () => {
    const wiped = await net.exec(net.ns.host, 'nft', ['flush', 'ruleset']);
    expect(wiped.exitCode, wiped.stderr).toBe(0);
    // The firewall that flushed puts its own policy back, as firewalld does.
    await net.exec(net.ns.host, 'iptables-nft', ['-P', 'FORWARD', 'DROP']);
    expect(await states()).toEqual(['missing', 'missing']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'x', { timeoutMs: 800 })).toMatch(/^error/);

    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await states()).toEqual(['active', 'active']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'back')).toBe('c1: back');
    expect(await net.ask(net.ns.c1, '10.77.0.1', 3322, 'import')).toBe('c2: import');
  });

  it('a second restore changes nothing: one jump per hooked chain, not two', async () => {
    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.script).toBe('');
    // iptables: PREROUTING, OUTPUT, POSTROUTING and FORWARD; nft: FORWARD only, past its DROP policy.
    expect(await hooks()).toHaveLength(backend === 'nft' ? 1 : 4);
  });

  if (backend === 'iptables') {
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
      expect(await states()).toEqual(['active', 'active']);
    });
  } else {
    it('reports a drifted binding and repairs it, keeping its counter', async () => {
      expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'count me')).toBe('c1: count me');
      const nft = (script: string) => net.exec(net.ns.host, 'sh', ['-c', `printf '%s\\n' '${script}' | nft -f -`]);
      const edit = await nft('delete element ip switchyard local_targets { tcp . 2211 }\nadd element ip switchyard local_targets { tcp . 2211 comment "switchyard:web" : 10.77.0.99 . 1 }');
      expect(edit.exitCode, edit.stderr).toBe(0);
      await nft('add element ip switchyard import_fronts { 10.9.9.9 . tcp . 1 counter comment "switchyard:svc" : accept }');
      const s = await net.sw(['status']);
      const byId = Object.fromEntries(s.json.bindings.map((b: { id: string }) => [b.id, b]));
      expect(byId.web.state).toBe('drifted');
      expect(byId.web.drift.unexpected.join()).toContain('10.77.0.99 . 1');
      expect(byId.web.drift.missing.join()).toContain('10.77.0.11 . 4422');
      expect(byId.svc.state).toBe('drifted');
      expect(byId.svc.drift.unexpected.join()).toContain('accept');
      expect(s.json.warnings.join()).toMatch(/web is drifted/);
      const packets = byId.web.counters.packets;
      expect(packets).toBeGreaterThan(0);
      const r = await net.sw(['restore']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.json.script).toContain('delete table ip switchyard');
      const after = (await net.sw(['list'])).json.bindings;
      expect(after.map((b: { state: string }) => b.state)).toEqual(['active', 'active']);
      expect(after[0].counters.packets).toBe(packets);
      expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'repaired')).toBe('c1: repaired');
    });
  }
});
