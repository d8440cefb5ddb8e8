import { describe, expect, it } from 'vitest';
import type { StateChange } from '../backend/backend';
import type { Binding, HostState } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';
import { IptablesBackend } from './backend';
import { compile } from './compile';
import { iptablesCommands } from './kernel';
import { bindingChain } from './names';
import { plan } from './plan';
import { readBack } from './readback';
import { rebindScripts } from './rebind-script';
import { SimulatedIptables } from './simulated';
import { handleIptablesCommand } from './simulated/iptables-commands';

const binding = (id: string, port: number, target = '10.2.1.1', over: Partial<Binding> = {}): Binding => ({
  id,
  kind: 'export',
  proto: 'tcp',
  front: { port, iface: 'eth0' },
  target: { name: target, address: target, port: 4422 },
  masquerade: true,
  revision: 1,
  ...over,
});
const state = (...bindings: Binding[]): HostState => ({ version: 1, bindings, exposed: [] });
const moved = (b: Binding, target: string): Binding => ({ ...b, target: { name: target, address: target, port: b.target.port }, revision: b.revision + 1 });

/** A simulated kernel holding `s`, and the commands the backend runs on it (every one recorded). */
function host(s: HostState) {
  const kernel = new SimulatedIptables();
  const ran: string[] = [];
  const runner: CommandRunner = {
    run: async (file, args, opts) => {
      ran.push(file);
      return handleIptablesCommand(kernel, file, args, opts?.input) ?? { exitCode: 127, stdout: '', stderr: `${file}: not simulated` };
    },
  };
  const r = kernel.restore(plan(kernel.snapshot(), compile(s)).script, { noflush: true, counters: true });
  if (!r.ok) throw new Error(r.message);
  return { kernel, ran, backend: new IptablesBackend(runner, iptablesCommands('iptables')) };
}

const a = binding('a', 2000);
const b = binding('b', 2001, '10.2.1.1', { masquerade: false });
const rebindOf = (before: HostState, id: string, target: string): StateChange => {
  const old = before.bindings.find((x) => x.id === id)!;
  const after = moved(old, target);
  return { before, next: { ...before, bindings: before.bindings.map((x) => (x.id === id ? after : x)) }, changes: [{ op: 'rebind', id, before: old, after }], sync: 'changes' };
};

describe('rebind scripts', () => {
  it('replace only the DNAT rule of the binding’s own chain, and take it back the same way', () => {
    const s = rebindScripts(rebindOf(state(a, b), 'b', '10.2.1.9').changes)!;
    const chain = bindingChain('b');
    expect(s.forward.split('\n').filter(Boolean)).toEqual([
      '*nat',
      `-D ${chain} -p tcp -m comment --comment "switchyard:b" -j DNAT --to-destination 10.2.1.1:4422`,
      `-A ${chain} -p tcp -m comment --comment "switchyard:b" -j DNAT --to-destination 10.2.1.9:4422`,
      'COMMIT',
    ]);
    expect(s.back).toContain(`-D ${chain} -p tcp -m comment --comment "switchyard:b" -j DNAT --to-destination 10.2.1.9:4422`);
    expect(s.back).toContain(`-A ${chain} -p tcp -m comment --comment "switchyard:b" -j DNAT --to-destination 10.2.1.1:4422`);
  });

  it('are not used for anything but new targets', () => {
    expect(rebindScripts([])).toBeNull();
    expect(rebindScripts([{ op: 'add', id: 'a', after: a }])).toBeNull();
    expect(rebindScripts([{ op: 'rebind', id: 'a', before: a, after: { ...a, front: { port: 2999, iface: 'eth0' } } }])).toBeNull();
  });
});

describe('iptables backend rebind', () => {
  it('sends the rebind script without reading the kernel, and the kernel then holds the new state', async () => {
    const h = host(state(a, b));
    const change = rebindOf(state(a, b), 'a', '10.2.1.7');
    const applied = await h.backend.apply(change);
    expect(h.ran).toEqual(['iptables-restore']);
    expect(readBack(change.next.bindings, h.kernel.snapshot()).map((x) => x.state)).toEqual(['active', 'active']);
    expect(readBack(change.next.bindings, h.kernel.snapshot())[0].rules.join('\n')).toContain('10.2.1.7:4422');

    expect(await applied.undo()).toBeNull();
    expect(readBack(change.before.bindings, h.kernel.snapshot()).map((x) => x.state)).toEqual(['active', 'active']);
  });

  it('falls back to a full sync when the kernel drifted from the state file (its chain was flushed)', async () => {
    const h = host(state(a, b));
    const r = h.kernel.restore(`*nat\n:${bindingChain('a')} - [0:0]\nCOMMIT\n`, { noflush: true });
    expect(r.ok).toBe(true);
    const change = rebindOf(state(a, b), 'a', '10.2.1.7');
    await h.backend.apply(change);
    expect(h.ran).toEqual(['iptables-restore', 'iptables-save', 'iptables-restore']);
    expect(readBack(change.next.bindings, h.kernel.snapshot()).map((x) => x.state)).toEqual(['active', 'active']);
  });
});
