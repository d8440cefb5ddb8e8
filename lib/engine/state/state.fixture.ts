import type { Binding, HostState } from '../model/binding';

/** The state tests' binding `b-<i>`: an export on eth0, port 10000 + i, with `over` changed. */
export const binding = (i: number, over: Partial<Binding> = {}): Binding => ({
  id: `b-${i}`,
  kind: 'export',
  proto: 'tcp',
  front: { port: 10000 + i, iface: 'eth0' },
  target: { name: '10.78.0.11', address: '10.78.0.11', port: 4422 },
  masquerade: false,
  revision: 1,
  ...over,
});

/** A state of `n` such bindings on the nft backend, with one exposed address. */
export const state = (n: number): HostState => ({
  version: 1,
  backend: 'nft',
  bindings: Array.from({ length: n }, (_, i) => binding(i)),
  exposed: [{ cidr: '10.78.0.1/24', bridge: 'weave' }],
});
