import { describe, expect, it } from 'vitest';
import type { Binding } from './topology';
import { addressInUse, addressUsers } from './address-users';

const binding = (id: string, kind: Binding['kind'], front: Binding['front'], target: string): Binding => {
  const [address, port] = target.split(':');
  return { id, kind, proto: 'tcp', front, target: { name: address!, address: address!, port: Number(port) }, masquerade: true, revision: 1 };
};

describe('addressUsers', () => {
  const hosts = [
    { name: 'host1', bindings: [binding('h3', 'import', { address: '10.2.1.3', port: 3322 }, '192.168.1.3:2211'), binding('other', 'import', { address: '10.2.1.4', port: 1 }, '192.168.1.3:2211')] },
    { name: 'host2', bindings: [binding('route-h3', 'export', { iface: 'eth0', port: 4433 }, '10.2.1.3:3322'), binding('web', 'export', { iface: 'eth0', port: 2211 }, '10.2.1.1:4422')] },
  ];

  it('finds the import listening on the address and the exports aimed at it', () => {
    expect(addressUsers('10.2.1.3', 'host1', hosts)).toEqual([
      { host: 'host1', id: 'h3', kind: 'import' },
      { host: 'host2', id: 'route-h3', kind: 'export' },
    ]);
  });

  it('does not count an import on the same address of another host (each host has its own)', () => {
    expect(addressUsers('10.2.1.3', 'host2', hosts)).toEqual([{ host: 'host2', id: 'route-h3', kind: 'export' }]);
  });

  it('finds nothing for an unused address, and says who uses a used one', () => {
    expect(addressUsers('10.2.1.133', 'host2', hosts)).toEqual([]);
    expect(addressInUse('10.2.1.3', 'host1', addressUsers('10.2.1.3', 'host1', hosts))).toBe(
      'Nothing changed: 10.2.1.3 on host1 is still used by h3 (import on host1), route-h3 (export on host2). Remove or rebind them first.',
    );
  });
});
