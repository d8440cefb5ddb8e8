import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '@/lib/lab/paths';
import { backends, bind, exportAndImport, scratchNetwork, type ScratchNetwork } from './scratch-network';

// `watch` heals what another tool flushed, within 10 s, and leaves foreign rules alone.
describe.each(backends)('watch (%s backend)', (backend) => {
  let net: ScratchNetwork;
  let watcher: ResultPromise<{ reject: false; all: true }> | undefined;
  let log = '';
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    await bind(net, exportAndImport);
    watcher = execa('ip', ['netns', 'exec', net.ns.host, process.execPath, cliPath, '--state-dir', net.stateDir, 'watch', '--interval', '1'], {
      env: net.env,
      reject: false,
      all: true,
    });
    watcher.all!.on('data', (d: Buffer) => (log += d.toString()));
  });
  afterAll(async () => {
    watcher?.kill('SIGKILL');
    await net?.dispose();
  });

  const states = async () => (await net.sw(['list'])).json.bindings.map((b: { state: string }) => b.state);
  /** Wait until every binding is active again; fails after 10 s, the contract's bound. */
  async function healedWithin10s(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if ((await states()).every((s: string) => s === 'active')) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`not healed within 10 s: ${JSON.stringify(await states())}\n${log}`);
  }

  it('status says a watcher runs, with its pid', async () => {
    for (let i = 0; i < 100 && !log.includes('watching'); i++) await new Promise((r) => setTimeout(r, 50));
    const s = await net.sw(['status']);
    expect(s.json.watcher).toMatchObject({ running: true, pid: expect.any(Number) });
    const second = await net.sw(['watch']);
    expect(second.exitCode).toBe(3);
    expect(second.json.message).toMatch(/already runs/);
  });

  it('after `iptables -t nat -F`, every binding is active again within 10 s, and a foreign rule added meanwhile stays', async () => {
    const flushed = await net.exec(net.ns.host, net.flavour, ['-t', 'nat', '-F']);
    expect(flushed.exitCode, flushed.stderr).toBe(0);
    const foreign = ['-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '-i', 'eth0', '--dport', '7777', '-j', 'DNAT', '--to-destination', '10.77.0.12:4422'];
    expect((await net.exec(net.ns.host, net.flavour, foreign)).exitCode).toBe(0);
    const heals = (log.match(/healed/g) ?? []).length;
    await healedWithin10s();
    if (backend === 'iptables') {
      // The nft backend's table is not in iptables' nat table: there, this flush takes nothing of Switchyard's.
      for (let i = 0; i < 50 && (log.match(/healed/g) ?? []).length === heals; i++) await new Promise((r) => setTimeout(r, 100));
      expect(log).toMatch(/switchyard watch: healed \S+: /);
    }
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'healed')).toBe('c1: healed');
    expect(await net.save()).toContain('-A PREROUTING -i eth0 -p tcp -m tcp --dport 7777 -j DNAT --to-destination 10.77.0.12:4422');
  });

  it('after `nft flush ruleset`, every binding is active again within 10 s and traffic flows', async () => {
    const heals = (log.match(/healed/g) ?? []).length;
    expect((await net.exec(net.ns.host, 'nft', ['flush', 'ruleset'])).exitCode).toBe(0);
    // The firewall that flushed puts its own policy back, as firewalld does.
    await net.exec(net.ns.host, net.flavour, ['-P', 'FORWARD', 'DROP']);
    await healedWithin10s();
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'again')).toBe('c1: again');
    expect(await net.ask(net.ns.c1, '10.77.0.1', 3322, 'import')).toBe('c2: import');
    expect((log.match(/healed/g) ?? []).length).toBeGreaterThan(heals);
    expect(log).toMatch(/switchyard watch: healed \S+: (web|svc) missing/);
  });

  it('stops cleanly on SIGTERM, and status then says no watcher runs', async () => {
    watcher!.kill('SIGTERM');
    const r = await watcher!;
    expect({ exitCode: r.exitCode, signal: r.signal }, log).toEqual({ exitCode: 0, signal: undefined });
    expect(log).toMatch(/stopped after \d+ heal\(s\)/);
    expect((await net.sw(['status'])).json.watcher).toEqual({ running: false });
  });
});
