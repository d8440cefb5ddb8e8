import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';

// `repair [ID]` puts back one binding's rules in one transaction and names no other binding's.
describe.each(backends)('repair (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await bind(net, exportAndImport);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const byId = async () => Object.fromEntries((await net.sw(['status'])).json.bindings.map((b: { id: string }) => [b.id, b]));
  const nft = (script: string) => net.exec(net.ns.host, 'sh', ['-c', `printf '%s\\n' '${script}' | nft -f -`]);

  /** Break web (its DNAT gone) and svc (a rule it does not want), by hand, as another tool would; returns web's lost rule as the report names it. */
  async function breakBoth(): Promise<string> {
    if (backend === 'iptables') {
      const chain = (await net.save()).match(/-A (SWITCHYARD-B-\w+) -p tcp -m comment --comment "switchyard:web" -j DNAT/)![1];
      const svcChain = (await net.save()).match(/-A (SWITCHYARD-B-\w+) -p tcp -m comment --comment "switchyard:svc" -j DNAT/)![1];
      const lost = ['-p', 'tcp', '-m', 'comment', '--comment', 'switchyard:web', '-j', 'DNAT', '--to-destination', '10.77.0.11:4422'];
      expect((await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-D', chain, ...lost])).exitCode).toBe(0);
      expect((await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-A', svcChain, '-m', 'comment', '--comment', 'switchyard:svc', '-j', 'RETURN'])).exitCode).toBe(0);
      return `-A ${chain} ${lost.join(' ').replace('switchyard:web', '"switchyard:web"')}`;
    }
    expect((await nft('delete element ip switchyard export_fronts { "eth0" . tcp . 2211 }')).exitCode).toBe(0);
    expect((await nft('add element ip switchyard import_fronts { 10.9.9.9 . tcp . 1 counter comment "switchyard:svc" : accept }')).exitCode).toBe(0);
    return 'map export_fronts { "eth0" . tcp . 2211 : goto dnat-export-masq }';
  }

  it('status names the exact rule a drifted binding lost, and the one it should not have', async () => {
    const lost = await breakBoth();
    const b = await byId();
    expect(b.web.state).toBe('drifted');
    expect(b.web.drift.missing).toContain(lost);
    expect(b.svc.state).toBe('drifted');
    expect(b.svc.drift.unexpected).toEqual([backend === 'iptables' ? expect.stringMatching(/"switchyard:svc" -j RETURN$/) : 'map import_fronts { 10.9.9.9 . tcp . 1 : accept }']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'x', { timeoutMs: 800 })).toMatch(/^error/);
  });

  it('repair web re-applies web alone: svc stays as it was, and a client gets through again', async () => {
    const svcBefore = (await byId()).svc;
    const r = await net.sw(['repair', 'web']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repaired).toEqual(['web']);
    expect(r.json.script).not.toMatch(/svc/);
    expect(r.json.bindings.map((b: { state: string }) => b.state)).toEqual(['active']);
    const b = await byId();
    expect(b.web.state).toBe('active');
    expect(b.svc).toEqual(svcBefore);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'mended')).toBe('c1: mended');
  });

  it('repair with no id mends every binding that is not active, and then has nothing left to do', async () => {
    const r = await net.sw(['repair']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repaired).toEqual(['svc']);
    expect(Object.values(await byId()).map((b: any) => b.state)).toEqual(['active', 'active']);
    expect(await net.ask(net.ns.c1, '10.77.0.1', 3322, 'import')).toBe('c2: import');
    const again = await net.sw(['repair']);
    expect(again.json).toMatchObject({ repaired: [], script: '' });
  });

  it('repairs a binding whose rules are all gone, and refuses an unknown id', async () => {
    if (backend === 'iptables') await net.exec(net.ns.host, 'iptables-nft', ['-t', 'nat', '-F', 'SWITCHYARD-PRE']);
    else await nft('flush map ip switchyard export_fronts');
    expect((await byId()).web.state).not.toBe('active');
    const r = await net.sw(['repair', 'web']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await byId()).web.state).toBe('active');
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'again')).toBe('c1: again');
    const unknown = await net.sw(['repair', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.json).toMatchObject({ code: 'unknown-id', field: 'id' });
  });
});
