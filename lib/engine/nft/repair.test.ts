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
  it('puts back one binding’s elements, keeping its counts and the other binding as the kernel holds it', () => {
    const have = compileTable(state)!;
    have.maps.get('export_fronts')!.delete('"eth0" . tcp . 2000');
    have.maps.get('local_targets')!.set('tcp . 2000', { key: 'tcp . 2000', value: '10.9.9.9 . 1', comment: 'switchyard:a' });
    have.maps.get('local_targets')!.set('tcp . 2001', { key: 'tcp . 2001', value: '10.9.9.9 . 1', comment: 'switchyard:b' });
    have.maps.get('forward_tcp_original')!.get('2000')!.counter = { packets: 7, bytes: 700 };
    expect(states(have)).toEqual(['a:drifted', 'b:drifted']);
    const fixed = repairedTable(have, state, new Set(['a']));
    expect(states(fixed)).toEqual(['a:active', 'b:drifted']);
    expect(readBackTable(state.bindings, fixed)[0].traffic!.toTarget).toEqual({ packets: 7, bytes: 700 });
    const script = repairScript(have, state, new Set(['a']));
    expect(script.split('\n').filter(Boolean)).toEqual([
      'delete element ip switchyard local_targets { tcp . 2000 }',
      'add element ip switchyard export_fronts { "eth0" . tcp . 2000 counter comment "switchyard:a" : goto dnat-export-masq }',
      'add element ip switchyard local_targets { tcp . 2000 comment "switchyard:a" : 10.2.1.1 . 4422 }',
    ]);
  });

  it('rebuilds a lost table with only the repaired binding', () => {
    const fixed = repairedTable(null, state, new Set(['b']));
    expect(states(fixed)).toEqual(['a:missing', 'b:active']);
    expect(repairScript(null, state, new Set(['b']))).toMatch(/^add table ip switchyard\ndelete table ip switchyard\ntable ip switchyard \{/);
  });

  it('takes a table of the earlier design over whole, counts carried', () => {
    const old = compileTable(state)!;
    old.counterObjects = new Map([['b-a', { packets: 3, bytes: 180 }]]);
    const script = repairScript(old, state, new Set(['a']));
    expect(script).toMatch(/^add table ip switchyard\ndelete table ip switchyard\n/);
    expect(script).toContain('"eth0" . tcp . 2000 counter packets 3 bytes 180 comment "switchyard:a" : goto dnat-export-masq');
  });
});
