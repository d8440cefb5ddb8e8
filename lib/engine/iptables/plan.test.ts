import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { compile, type RuleSet } from './compile';
import { ownedOf, plan } from './plan';
import type { Rule, Tables } from './ruleset';
import { parseSave } from './save-parser';
import { SimulatedIptables } from './simulated';

const binding = (id: string, target = '10.2.1.1', over: Partial<Binding> = {}): Binding => ({
  id,
  kind: 'export',
  proto: 'tcp',
  front: { port: 2211, iface: 'eth0' },
  target: { name: target, address: target, port: 4422 },
  masquerade: true,
  revision: 1,
  ...over,
});
const state = (...bindings: Binding[]): HostState => ({ version: 1, bindings, exposed: [] });

/** Apply a plan to a simulated kernel and return what it then holds, parsed. */
function applyTo(kernel: SimulatedIptables, s: HostState): { script: string; after: Tables } {
  const p = plan(kernel.snapshot(), compile(s));
  const r = kernel.restore(p.script, { noflush: true, counters: true });
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return { script: p.script, after: parseSave(kernel.save({ counters: true })) };
}

/** A rule set as sorted rule text, counters aside, so two can be compared as models. */
const normalize = (rs: RuleSet) => {
  const text = (r: Rule) => [r.chain, ...r.args].join(' ');
  const table = (x: RuleSet['nat']) => ({
    chains: x.chains.map((c) => ({ name: c.name, rules: c.rules.map(text) })).sort((a, b) => a.name.localeCompare(b.name)),
    hooks: x.hooks.map(text).sort(),
  });
  return { nat: table(rs.nat), filter: table(rs.filter) };
};
/** Switchyard's part of a kernel. */
const owned = (t: Tables) => normalize(ownedOf(t));
/** What compile() asks for. */
const compiled = (s: HostState) => normalize(compile(s));

describe('plan', () => {
  it('from nothing: the kernel then holds exactly the compiled rule set (as the kernel prints it)', () => {
    const k = new SimulatedIptables();
    const s = state(binding('web'), binding('api', '10.2.1.2', { kind: 'import', front: { port: 3322, address: '10.2.1.3' }, masquerade: false }));
    expect(owned(applyTo(k, s).after)).toEqual(compiled(s));
  });

  it('is empty when the kernel already holds the state', () => {
    const k = new SimulatedIptables();
    const s = state(binding('web'));
    applyTo(k, s);
    expect(plan(k.snapshot(), compile(s)).script).toBe('');
  });

  it('a rebind rewrites only the binding’s own chain, and keeps the counters of its unchanged rules', () => {
    const k = new SimulatedIptables();
    applyTo(k, state(binding('web'), binding('api', '10.2.1.2', { front: { port: 80 } })));
    const chain = owned(k.snapshot()).nat.chains.find((c) => c.rules.some((r) => r.includes('switchyard:web') && r.includes('MARK')))!.name;
    k.count('nat', chain, 1, 7, 420);
    const { script, after } = applyTo(k, state(binding('web', '10.2.1.9'), binding('api', '10.2.1.2', { front: { port: 80 } })));
    expect(script.split('\n').filter((l) => l.startsWith(':'))).toEqual([`:${chain} - [0:0]`]);
    expect(script).toContain('[7:420] -A');
    expect(after.tables.find((t) => t.name === 'nat')!.chains.find((c) => c.name === chain)!.rules[0].counters).toEqual({ packets: 7, bytes: 420 });
  });

  it('removing the last binding removes every chain and hook; foreign rules stay', () => {
    const k = new SimulatedIptables();
    k.restore('*nat\n:DOCKER - [0:0]\n-A PREROUTING -j DOCKER\n-A DOCKER -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80\nCOMMIT\n', { noflush: true });
    const pristine = k.save();
    applyTo(k, state(binding('web')));
    const { after } = applyTo(k, state());
    expect(owned(after)).toEqual({ nat: { chains: [], hooks: [] }, filter: { chains: [], hooks: [] } });
    expect(k.save().replace(/^#.*\n/gm, '')).toBe(pristine.replace(/^#.*\n/gm, ''));
  });

  it('repairs duplicate hooks and deletes stray owned chains', () => {
    const k = new SimulatedIptables();
    applyTo(k, state(binding('web')));
    k.restore('*nat\n:SWITCHYARD-B-STRAY - [0:0]\n-A PREROUTING -m comment --comment "switchyard:hook" -j SWITCHYARD-PRE\n-A OUTPUT -j SWITCHYARD-B-STRAY\nCOMMIT\n', { noflush: true });
    const { script, after } = applyTo(k, state(binding('web')));
    expect(script).toContain('-X SWITCHYARD-B-STRAY');
    expect(script).toContain('-D OUTPUT -j SWITCHYARD-B-STRAY');
    expect(owned(after)).toEqual(compiled(state(binding('web'))));
  });
});
