import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendFlavours, bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';

// A rebind is planned from the state file alone (no read of the kernel); when the kernel drifted from
// it, the kernel refuses that transaction and a full sync follows, as kube-proxy's partial sync does.
describe.each(backendFlavours)('rebind as a partial sync (%s backend, %s)', (backend, flavour) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend, flavour);
    await bind(net, exportAndImport);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const web = async () => (await net.sw(['status'])).json.bindings.find((b: { id: string }) => b.id === 'web');

  /** Take web's DNAT target out of the kernel by hand, as another tool would. */
  async function loseWebTarget(): Promise<void> {
    if (backend === 'iptables') {
      const chain = (await net.save()).match(/-A (SWITCHYARD-B-\w+) -p tcp -m comment --comment "switchyard:web" -j DNAT/)![1];
      const rule = ['-p', 'tcp', '-m', 'comment', '--comment', 'switchyard:web', '-j', 'DNAT', '--to-destination', '10.77.0.11:4422'];
      expect((await net.exec(net.ns.host, flavour, ['-t', 'nat', '-D', chain, ...rule])).exitCode).toBe(0);
      return;
    }
    // web is the only export on tcp 2211, so its one target sits in local_targets.
    const r = await net.exec(net.ns.host, 'sh', ['-c', `printf '%s\\n' 'delete element ip switchyard local_targets { tcp . 2211 }' | nft -f -`]);
    expect(r.exitCode, r.stderr).toBe(0);
  }

  it('on an undrifted kernel, replaces only the target and touches nothing else', async () => {
    const r = await net.sw(['rebind', 'web', '--to', '10.77.0.12:4422']);
    expect(r.exitCode, r.stderr).toBe(0);
    if (backend === 'iptables') {
      expect(r.json.script).toMatch(/^-D SWITCHYARD-B-\w+ .*10\.77\.0\.11:4422$/m);
      expect(r.json.script).not.toMatch(/^:SWITCHYARD/m);
    } else {
      expect(r.json.script).toMatch(/^delete element ip switchyard local_targets/m);
      expect(r.json.script).not.toMatch(/table/);
    }
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'moved')).toBe('c2: moved');
  });

  it('on a drifted kernel, falls back to a full sync: the binding ends active at its new target', async () => {
    expect((await net.sw(['rebind', 'web', '--to', '10.77.0.11:4422'])).exitCode).toBe(0);
    await loseWebTarget();
    expect((await web()).state).toBe('drifted');
    const r = await net.sw(['rebind', 'web', '--to', '10.77.0.12:4422']);
    expect(r.exitCode, r.stderr).toBe(0);
    const after = await web();
    expect(after.state).toBe('active');
    expect(after.target.port).toBe(4422);
    expect(after.target.address).toBe('10.77.0.12');
    expect(await net.targetsOf('web')).toEqual(['10.77.0.12:4422']);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'back')).toBe('c2: back');
  });
});
