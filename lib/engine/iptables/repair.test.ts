import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { compile } from './compile';
import { bindingChain } from './names';
import { plan } from './plan';
import { readBack } from './readback';
import { repairScript } from './repair';
import { SimulatedIptables } from './simulated';

const binding = (id: string, port: number, over: Partial<Binding> = {}): Binding => ({
  id,
  kind: 'export',
  proto: 'tcp',
  front: { port, iface: 'eth0' },
  target: { name: '10.2.1.1', address: '10.2.1.1', port: 4422 },
  masquerade: true,
  revision: 1,
  ...over,
});
const state: HostState = { version: 1, bindings: [binding('a', 2000), binding('b', 2001), binding('c', 2002)], exposed: [] };

/** A simulated kernel holding `state`, then changed by another tool's `script`. */
function kernelWith(change: string): SimulatedIptables {
  const k = new SimulatedIptables();
  const run = (s: string) => {
    const r = k.restore(s, { noflush: true, counters: true });
    if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  };
  run(plan(k.snapshot(), compile(state)).script);
  run(change);
  return k;
}
const states = (k: SimulatedIptables) => readBack(state.bindings, k.snapshot()).map((b) => `${b.id}:${b.state}`);
const apply = (k: SimulatedIptables, script: string) => {
  const r = k.restore(script, { noflush: true, counters: true });
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}\n${script}`);
};

describe('iptables repair script', () => {
  it('puts a lost entry rule back in its place, naming no other binding', () => {
    const k = kernelWith('*nat\n-D SWITCHYARD-PRE 2\nCOMMIT\n');
    const drop = `-A ${bindingChain('a')} -m comment --comment "switchyard:a" -j RETURN`;
    apply(k, `*nat\n${drop}\nCOMMIT\n`);
    expect(states(k)).toEqual(['a:drifted', 'b:drifted', 'c:active']);
    const script = repairScript(k.snapshot(), state, new Set(['b']));
    expect(script).toMatch(/^-I SWITCHYARD-PRE 2 -i eth0 .*switchyard:b/m);
    expect(script).not.toMatch(/switchyard:[ac]/);
    for (const other of ['a', 'c']) expect(script).not.toContain(bindingChain(other));
    apply(k, script);
    expect(states(k)).toEqual(['a:drifted', 'b:active', 'c:active']);
    // The chain is in compile's order again: a full plan finds nothing left to do for it.
    expect(plan(k.snapshot(), compile(state)).rewritten).toEqual([bindingChain('a')]);
  });

  it('rewrites only the repaired binding’s own chain and deletes its stray entries', () => {
    const k = kernelWith(`*nat\n-A SWITCHYARD-PRE -m comment --comment "switchyard:a" -j RETURN\n-F ${bindingChain('a')}\nCOMMIT\n`);
    const script = repairScript(k.snapshot(), state, new Set(['a']));
    expect(script).toContain(`:${bindingChain('a')} - [0:0]`);
    expect(script).toContain('-D SWITCHYARD-PRE -m comment --comment "switchyard:a" -j RETURN');
    apply(k, script);
    expect(states(k)).toEqual(['a:active', 'b:active', 'c:active']);
  });

  it('rebuilds lost shared chains and hooks with only the repaired binding’s entries', () => {
    const k = kernelWith('*nat\n-F PREROUTING\n-F SWITCHYARD-PRE\nCOMMIT\n');
    expect(states(k)).toEqual(['a:drifted', 'b:drifted', 'c:drifted']);
    apply(k, repairScript(k.snapshot(), state, new Set(['c'])));
    expect(states(k)).toEqual(['a:drifted', 'b:drifted', 'c:active']);
  });

  it('is empty when the binding is whole', () => {
    expect(repairScript(kernelWith('').snapshot(), state, new Set(['a', 'b', 'c']))).toBe('');
  });
});
