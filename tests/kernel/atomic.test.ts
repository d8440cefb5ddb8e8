import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendFlavours, scratchNetwork, type ScratchNetwork } from './scratch-network';

// Real refusals, as they happen on real hosts: another tool's rule jumps into one of Switchyard's
// chains, so the kernel will not delete that chain. Everything must stay exactly as it was.
describe.each(backendFlavours)('a refused script changes nothing (%s backend, %s)', (backend, flavour) => {
  let net: ScratchNetwork;
  const stateFile = () => readFile(join(net.stateDir, 'state.json'), 'utf8');
  const counters = (s: string) => s.replace(/\[\d+:\d+\]/g, '[0:0]').replace(/packets \d+ bytes \d+/g, 'packets 0 bytes 0');
  const ipt = (args: string[]) => net.exec(net.ns.host, flavour, args).then((r) => expect(r.exitCode, r.stderr).toBe(0));
  beforeEach(async () => {
    net = await scratchNetwork(backend, flavour);
    expect((await net.sw(['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web'])).exitCode).toBe(0);
  });
  afterEach(async () => {
    await net?.dispose();
  });

  // The nft backend writes two things (its table, and the iptables FORWARD jump): a refusal of
  // the second brings the first back.
  it('when the last part of a transaction is refused, the first is rolled back too', async () => {
    await ipt(['-N', 'OTHER-TOOL']);
    await ipt(['-A', 'OTHER-TOOL', '-j', 'SWITCHYARD-FWD']);
    const kernel = await net.save();
    const owned = await net.owned();
    const state = await stateFile();
    const r = await net.sw(['flush', '--forget']);
    expect(r.exitCode).toBe(4);
    const err = JSON.parse(r.stderr);
    expect(err.code).toBe('kernel-refused');
    expect(err.message).toMatch(/line \d+/);
    expect(err.context).toMatch(/^> +\d+ +\S/m);
    expect(err.context).toContain('SWITCHYARD-FWD');
    expect(counters(await net.save())).toBe(counters(kernel));
    expect(counters(await net.owned())).toBe(counters(owned));
    expect(await stateFile()).toBe(state);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'still')).toBe('c1: still');
  });

  if (backend === 'iptables') {
    it('a refused remove leaves the binding serving and the state file as it was', async () => {
      const chain = (await net.save()).match(/-j (SWITCHYARD-B-\w+)/)![1];
      await ipt(['-t', 'nat', '-N', 'OTHER-TOOL']);
      await ipt(['-t', 'nat', '-A', 'OTHER-TOOL', '-j', chain]);
      const kernel = await net.save();
      const state = await stateFile();
      const r = await net.sw(['remove', 'web']);
      expect(r.exitCode).toBe(4);
      expect(JSON.parse(r.stderr).context).toContain(chain);
      expect(counters(await net.save())).toBe(counters(kernel));
      expect(await stateFile()).toBe(state);
      expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'still')).toBe('c1: still');
    });
  }
});
