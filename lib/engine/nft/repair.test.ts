import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { compileTable, type NftTable } from './model';
import { readBackTable } from './readback';
import { repairedTable, repairScript } from './repair';

const exp = (id: string, port: number): Binding => ({
  id,
  kind: 'export',
  proto: 'tcp',
  front: { port, iface: 'eth0' },
  target: { name: '10.2.1.1', address: '10.2.1.1', port: 4422 },
  masquerade: true,
  revision: 1,
});
const state: HostState = { version: 1, bindings: [exp('a', 2000), exp('b', 2001)], exposed: [] };
const states = (t: NftTable | null) => readBackTable(state.bindings, t).map((b) => `${b.id}:${b.state}`);

describe('nft repair', () => {
  it('puts back one binding’s elements, chain and counters, keeping the other as the kernel holds it', () => {
    const have = compileTable(state)!;
    have.maps.get('export_fronts')!.delete('"eth0" . tcp . 2000');
    have.chains.get('b-b')!.rules.push({ text: 'accept', comment: 'switchyard:b' });
    have.counters.set('o-a', { packets: 7, bytes: 700 });
    expect(states(have)).toEqual(['a:drifted', 'b:drifted']);
    const fixed = repairedTable(have, state, new Set(['a']));
    expect(states(fixed)).toEqual(['a:active', 'b:drifted']);
    expect(fixed.counters.get('o-a')).toEqual({ packets: 7, bytes: 700 });
    const script = repairScript(have, state, new Set(['a']));
    expect(script).toContain('add element ip switchyard export_fronts { "eth0" . tcp . 2000 comment "switchyard:a" : goto b-a }');
    expect(script).not.toContain('b-b');
  });

  it('rebuilds a lost table with only the repaired binding', () => {
    const fixed = repairedTable(null, state, new Set(['b']));
    expect(states(fixed)).toEqual(['a:missing', 'b:active']);
    expect(repairScript(null, state, new Set(['b']))).toMatch(/^add table ip switchyard\ndelete table ip switchyard\ntable ip switchyard \{/);
  });
});
