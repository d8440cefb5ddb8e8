// The bundle's `serve --stdio` on a real host (a fresh namespace): answers, pushed changes made
// by hand in the kernel, and a clean end at end of input.
import { execa } from 'execa';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '@/lib/lab/paths';
import { backendFlavours, scratchNetwork, type ScratchNetwork } from './scratch-network';

type Line = { id?: unknown; exitCode?: number; stdout?: string; stderr?: string; event?: string; report?: any };

// Both iptables flavours: a session remembers the rules it read on iptables-nft (forgotten when
// `nft monitor` reports another tool's change) and reads them afresh on iptables-legacy.
describe.each(backendFlavours)('serve --stdio on a real host (%s backend, %s)', (backend, flavour) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend, flavour);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  it('answers by id, pushes a rule deleted by hand, and leaves at end of input', async () => {
    const serve = execa('ip', ['netns', 'exec', net.ns.host, 'env', 'SWITCHYARD_HOSTNAME=kern', `SWITCHYARD_IPTABLES=${flavour}`, `SWITCHYARD_BACKEND=${backend}`, process.execPath, cliPath, '--state-dir', net.stateDir, 'serve', '--stdio'], {
      stdin: 'pipe',
      stdout: 'pipe',
      reject: false,
      timeout: 110_000,
    });
    const lines: Line[] = [];
    createInterface({ input: serve.stdout! }).on('line', (l) => lines.push(JSON.parse(l)));
    const until = async (what: string, test: () => boolean, ms = 15_000) => {
      for (let w = 0; !test(); w += 20) {
        if (w > ms) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(lines).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const statuses = () => lines.filter((l) => l.event === 'status');
    try {
      await until('the first status', () => statuses().length === 1);
      expect(statuses()[0].report.host).toBe('kern');
      serve.stdin!.write('{"id":1,"args":["export","--in","eth0","--port","2211","--to","10.77.0.11:4422","--id","web"]}\nnot json\n');
      await until('two answers', () => lines.filter((l) => 'id' in l).length === 2);
      expect(lines.filter((l) => 'id' in l).map((l) => [l.id, l.exitCode])).toEqual([
        [1, 0],
        [null, 2],
      ]);
      expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'served')).toBe('c1: served');
      await until('the export in a pushed status', () => statuses().some((s) => s.report.bindings.some((b: any) => b.id === 'web' && b.state === 'active')));

      // Another process rebinds it (a record in the state journal, the state file untouched): pushed too.
      const moved = await net.sw(['rebind', 'web', '--to', '10.77.0.12:4422']);
      expect(moved.exitCode, moved.stderr).toBe(0);
      await until('the rebind in a pushed status', () => statuses().at(-1)!.report.bindings.some((b: any) => b.id === 'web' && b.target.address === '10.77.0.12'));

      // Someone takes the binding's rule away by hand: the session notices without being asked.
      if (backend === 'iptables') {
        const chain = (await net.save()).match(/^:(SWITCHYARD-B-\S+)/m)![1];
        await net.exec(net.ns.host, flavour, ['-w', '-t', 'nat', '-F', chain]);
      } else {
        const r = await net.exec(net.ns.host, 'nft', ['delete', 'element', 'ip', 'switchyard', 'local_targets', '{ tcp . 2211 }']);
        expect(r.exitCode, r.stderr).toBe(0);
      }
      await until('the drift in a pushed status', () => statuses().at(-1)!.report.bindings.some((b: any) => b.id === 'web' && b.state !== 'active'));

      serve.stdin!.end();
      const done = await serve;
      expect(done.exitCode).toBe(0);
    } finally {
      serve.kill();
    }
  }, 120_000);
});
