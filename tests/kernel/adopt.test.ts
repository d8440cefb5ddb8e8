import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';
import { underLoad } from './under-load';

interface Foreign {
  ref: string;
  chain: string;
  rule: string;
  adoptAs: { id: string; kind: string; to: string } | null;
  reason?: string;
}

// A hand-written DNAT (the seed page's way) becomes a binding in one transaction while a client
// keeps connecting through it; Docker's rules are listed but never adopted.
describe.each(backends)('adopt (%s backend)', (backend) => {
  let net: ScratchNetwork;
  const ipt = (...args: string[]) => net.exec(net.ns.host, net.flavour, args);
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    // The seed page's export, by hand, with what FORWARD at DROP needs for it.
    for (const rule of [
      ['-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '-i', 'eth0', '--dport', '5555', '-j', 'DNAT', '--to-destination', '10.77.0.11:4422'],
      ['-A', 'FORWARD', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT'],
      ['-A', 'FORWARD', '-d', '10.77.0.11', '-p', 'tcp', '--dport', '4422', '-j', 'ACCEPT'],
      ['-t', 'nat', '-N', 'DOCKER'],
      ['-t', 'nat', '-A', 'DOCKER', '-p', 'tcp', '--dport', '6666', '-j', 'DNAT', '--to-destination', '10.77.0.12:4422'],
    ]) {
      const r = await ipt(...rule);
      expect(r.exitCode, r.stderr).toBe(0);
    }
    // Another binding, so the adopt has to leave something of Switchyard's own in place too.
    const r = await net.sw(['import', '--on', '10.77.0.1', '--port', '3322', '--to', '10.77.0.12:4422', '--id', 'svc']);
    expect(r.exitCode, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const foreign = async (): Promise<Foreign[]> => (await net.sw(['status'])).json.foreign;

  it('status lists the hand-written rule as adoptable, and Docker’s as not, with the reason', async () => {
    const f = await foreign();
    const hand = f.find((x) => x.chain === 'PREROUTING')!;
    expect(hand.ref).toMatch(/^f-[0-9a-f]{8}$/);
    expect(hand.adoptAs).toMatchObject({ kind: 'export', id: 'export-eth0-5555', to: '10.77.0.11:4422' });
    const docker = f.find((x) => x.chain === 'DOCKER')!;
    expect(docker.adoptAs).toBeNull();
    expect(docker.reason).toMatch(/belongs to Docker/);
    expect((await foreign()).map((x) => x.ref)).toEqual(f.map((x) => x.ref));
  });

  it('refuses to adopt Docker’s rule and leaves it where it is', async () => {
    const docker = (await foreign()).find((x) => x.chain === 'DOCKER')!;
    const r = await net.sw(['adopt', docker.ref, '--id', 'stolen']);
    expect(r.exitCode).toBe(3);
    expect(r.json).toMatchObject({ code: 'conflict', field: 'ref' });
    expect(r.json.message).toMatch(/Docker/);
    expect(await net.save()).toContain('-A DOCKER -p tcp -m tcp --dport 6666 -j DNAT --to-destination 10.77.0.12:4422');
  });

  it('adopts the hand-written rule under a client loop: no connection fails, the rule is gone, the binding has the chosen id', async () => {
    const hand = (await foreign()).find((x) => x.chain === 'PREROUTING')!;
    let report: any;
    const seen = await underLoad(net.ns.out, '192.168.77.2', 5555, async () => {
      const r = await net.sw(['adopt', hand.ref, '--id', 'legacy-web']);
      expect(r.exitCode, r.stderr).toBe(0);
      report = r.json;
    });
    expect(seen.filter((c) => !c.ok)).toEqual([]);
    expect(seen.every((c) => c.reply === `c1: conn-${c.n}`)).toBe(true);
    expect(report.adopted.ref).toBe(hand.ref);
    expect(report.binding).toMatchObject({ id: 'legacy-web', kind: 'export', front: { iface: 'eth0', port: 5555 }, masquerade: false });
    const save = await net.save();
    expect(save).not.toContain('--dport 5555 -j DNAT');
    expect(save).toContain('-A DOCKER -p tcp -m tcp --dport 6666 -j DNAT');
    const list = (await net.sw(['list'])).json.bindings;
    expect(list.map((b: { id: string; state: string }) => [b.id, b.state])).toEqual([
      ['svc', 'active'],
      ['legacy-web', 'active'],
    ]);
    expect((await foreign()).map((x) => x.chain)).toEqual(['DOCKER']);
  });

  it('a ref that names no rule (any more) is refused and changes nothing', async () => {
    const before = await net.owned();
    const r = await net.sw(['adopt', 'f-00000000', '--id', 'again']);
    expect(r.exitCode).toBe(2);
    expect(r.json).toMatchObject({ code: 'unknown-id', field: 'ref' });
    expect(await net.owned()).toBe(before);
  });
});
