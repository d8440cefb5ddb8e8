import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStateStore } from '@/lib/engine';
import { cliPath } from '@/lib/lab/paths';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

describe.each(backends)('concurrent invocations and a killed one (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
  });
  afterAll(async () => {
    await net?.dispose();
  });
  // The state as every verb reads it: the state file with the journal's records applied.
  const state = () => new FileStateStore(net.stateDir).read();

  it('ten concurrent exports with distinct ids all land; the state file parses', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `svc-${i}`);
    const results = await Promise.all(ids.map((id, i) => net.sw(['export', '--port', String(3000 + i), '--to', '10.77.0.11:4422', '--id', id])));
    results.forEach((r) => expect(r.exitCode, r.stderr).toBe(0));
    expect((await state()).bindings.map((b) => b.id).sort()).toEqual([...ids].sort());
    const list = await net.sw(['list']);
    expect(list.json.bindings.filter((b: { state: string }) => b.state === 'active')).toHaveLength(10);
    expect(await net.ask(net.ns.out, '192.168.77.2', 3007, 'seven')).toBe('c1: seven');
  });

  it('SIGKILL in the middle of a loop of rebinds leaves one whole state in the kernel and a parsable state file', async () => {
    expect((await net.sw(['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web'])).exitCode).toBe(0);
    const targets = ['10.77.0.11:4422', '10.77.0.12:4422'];
    let killed = 0;
    for (let i = 0; i < 16; i++) {
      const child = execa('ip', ['netns', 'exec', net.ns.host, process.execPath, cliPath, '--state-dir', net.stateDir, 'rebind', 'web', '--to', targets[i % 2]], {
        reject: false,
        env: net.env,
      });
      setTimeout(() => child.kill('SIGKILL'), 40 + ((i * 37) % 160));
      const r = await child;
      if (r.signal === 'SIGKILL') killed++;
      const s = await state();
      const web = s.bindings.find((b) => b.id === 'web')!;
      expect(targets).toContain(`${web.target.address}:${web.target.port}`);
      const dnat = await net.targetsOf('web');
      expect(dnat).toHaveLength(1);
      expect(targets).toContain(dnat[0]);
    }
    expect(killed).toBeGreaterThan(0);
    // A killed holder's lock does not block the next invocation; restore reconciles kernel and state.
    const r = await net.sw(['restore']);
    expect(r.exitCode, r.stderr).toBe(0);
    const web = (await net.sw(['list'])).json.bindings.find((b: { id: string }) => b.id === 'web');
    expect(web.state).toBe('active');
    const expected = web.target.address === '10.77.0.11' ? 'c1' : 'c2';
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'who')).toBe(`${expected}: who`);
  });
});
