import { describe, expect, it } from 'vitest';
import type { Binding } from '@/lib/engine/model/binding';
import { addArgs, planDocument, rebindArgs } from './engine-args';

const web: Binding = {
  id: 'web',
  kind: 'export',
  proto: 'tcp',
  front: { port: 2211, iface: 'eth0' },
  target: { name: 'a1', address: '10.2.1.1', port: 4422 },
  masquerade: true,
  revision: 3,
};

describe('engine arguments', () => {
  it('states an export with its interface and an import with its exposed address', () => {
    expect(addArgs({ id: 'web', kind: 'export', proto: 'tcp', port: 2211, in: 'eth0', to: 'a1:4422', masquerade: true })).toEqual(
      ['export', '--in', 'eth0', '--port', '2211', '--proto', 'tcp', '--to', 'a1:4422', '--id', 'web'],
    );
    expect(addArgs({ id: 'h3', kind: 'import', proto: 'udp', port: 3322, on: '10.2.1.3', to: '192.168.1.3:2211', masquerade: false })).toEqual(
      ['import', '--on', '10.2.1.3', '--port', '3322', '--proto', 'udp', '--to', '192.168.1.3:2211', '--id', 'h3', '--no-masquerade'],
    );
  });

  it('sends the revision the operator loaded with a rebind', () => {
    expect(rebindArgs('web', 'a2:4422', 3)).toEqual(['rebind', 'web', '--to', 'a2:4422', '--revision', '3']);
  });

  it('plans the whole desired set: current bindings as given, plus the new one', () => {
    const doc = JSON.parse(planDocument([web], { id: 'h3', kind: 'import', proto: 'tcp', port: 3322, on: '10.2.1.3', to: 'host3:2211', masquerade: true }));
    expect(doc.bindings).toEqual([
      { id: 'web', kind: 'export', proto: 'tcp', port: 2211, in: 'eth0', to: 'a1:4422', masquerade: true },
      { id: 'h3', kind: 'import', proto: 'tcp', port: 3322, on: '10.2.1.3', to: 'host3:2211', masquerade: true },
    ]);
  });
});
