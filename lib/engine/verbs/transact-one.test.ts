import { describe, expect, it } from 'vitest';
import { NftBackend } from '../nft/backend';
import type { Binding, HostState } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';
import { MemoryStateStore } from '../state/memory-state-store';
import { replaceBinding } from '../state/state-view';
import { rebind } from './rebind';

const exp = (id: string, iface: string | undefined, port: number, to: string): Binding => ({
  id,
  kind: 'export',
  proto: 'tcp',
  front: iface ? { port, iface } : { port },
  target: { name: to, address: to, port: 4422 },
  masquerade: true,
  revision: 1,
});

// Bindings sharing tcp/2211 (the export on eth0 owns the local key; eth1's and the import share
// the port's traffic chain), and others elsewhere that a rebind of these must not need.
const state: HostState = {
  version: 1,
  backend: 'nft',
  bindings: [
    exp('a-eth1', 'eth1', 2211, '10.77.0.11'),
    exp('b-eth0', 'eth0', 2211, '10.77.0.12'),
    { ...exp('c-import', undefined, 2211, '10.77.0.13'), kind: 'import', front: { port: 2211, address: '10.2.1.3' } },
    exp('d-any', undefined, 2212, '10.77.0.14'),
    ...Array.from({ length: 50 }, (_, i) => exp(`f-${i}`, 'eth0', 3000 + i, '10.77.0.15')),
  ],
  exposed: [{ cidr: '10.2.1.3/16', bridge: 'weave' }],
};

/** A host answering the facts' processes, recording each nft script it is sent. */
function host(sent: string[]): CommandRunner {
  const addresses = JSON.stringify([
    { ifname: 'eth0', flags: ['UP'], addr_info: [{ family: 'inet', local: '192.168.8.1', prefixlen: 24 }] },
    { ifname: 'eth1', flags: ['UP'], addr_info: [{ family: 'inet', local: '192.168.9.1', prefixlen: 24 }] },
    { ifname: 'weave', flags: ['UP'], addr_info: [{ family: 'inet', local: '10.2.1.3', prefixlen: 16 }] },
  ]);
  return {
    async run(file, args, opts) {
      if (file === 'ip') return { exitCode: 0, stdout: addresses, stderr: '' };
      if (file === 'cat') return { exitCode: 0, stdout: '1\n', stderr: '' };
      if (file === 'nft' && args[0] === '-f') {
        sent.push(opts?.input ?? '');
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      return { exitCode: 127, stdout: '', stderr: `${file}: command not found` };
    },
  };
}

describe('a rebind planned from the bindings on its front alone', () => {
  for (const id of ['a-eth1', 'b-eth0', 'c-import', 'd-any', 'f-7']) {
    it(`sends for ${id} exactly what planning from the whole state sends`, async () => {
      const store = new MemoryStateStore();
      await store.write(state);
      const sent: string[] = [];
      const runner = host(sent);
      const ctx = { runner, store, iptables: { save: 'iptables-save', restore: 'iptables-restore' }, hostname: 'h' };
      const r = await rebind(ctx, { id, to: '10.77.0.99:5000', cut: false, allowLocalTarget: false });
      const before = state.bindings.find((b) => b.id === id)!;
      const after = { ...before, target: { name: '10.77.0.99', address: '10.77.0.99', port: 5000 }, revision: 2 };
      expect(r.binding).toEqual(after);
      expect(await store.read()).toEqual(replaceBinding(state, after));
      const whole = await new NftBackend(runner, ctx.iptables).plan({
        before: state,
        next: replaceBinding(state, after),
        changes: [{ op: 'rebind', id, before, after }],
        sync: 'changes',
      });
      expect(whole).not.toBe('');
      expect(sent).toEqual([whole]);
      expect(r.script).toBe(whole);
    });
  }

  it('refuses an unknown id listing every id, and a stale revision, writing nothing', async () => {
    const store = new MemoryStateStore();
    await store.write(state);
    const sent: string[] = [];
    const ctx = { runner: host(sent), store, iptables: { save: 'iptables-save', restore: 'iptables-restore' }, hostname: 'h' };
    await expect(rebind(ctx, { id: 'nope', to: '10.77.0.99:5000', cut: false, allowLocalTarget: false })).rejects.toThrow(/no binding "nope" on h \(bindings: a-eth1, b-eth0, c-import/);
    await expect(rebind(ctx, { id: 'd-any', to: '10.77.0.99:5000', cut: false, allowLocalTarget: false, expectRevision: 3 })).rejects.toThrow(/changed since you loaded it/);
    // A target that leads back to its own front: the loop check finds it through the view.
    await expect(rebind(ctx, { id: 'd-any', to: '192.168.8.1:2212', cut: false, allowLocalTarget: true })).rejects.toThrow(/leads back to the front of "d-any".*a loop/);
    expect(sent).toEqual([]);
    expect(store.generation).toBe(1);
  });
});
