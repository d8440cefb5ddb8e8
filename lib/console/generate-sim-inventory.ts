import type { Inventory, InventorySimHost } from './inventory';

/** How large a simulated network to write. */
export interface SimNetworkSize {
  hosts: number;
  bindings: number;
}

/** The most hosts the address plan below has room for (10.2.0.0/17 exposed, 10.2.128.0/17 containers). */
export const maxGeneratedHosts = 30_000;

const octets = (k: number): string => `${k >> 8}.${k & 255}`;

type Binding = InventorySimHost['bindings'][number];

/**
 * A simulated network of any size, as an inventory: every host with an outside interface (eth0 on
 * 172.16.0.0/16) and an exposed overlay address, one container per host, outside services each
 * reachable from some hosts, clients that reach the hosts, and `bindings` spread evenly over the
 * hosts as exports to containers, imports of outside services and routes into other hosts' imports.
 * Deterministic: the same size always gives the same network.
 */
export function generateSimInventory(size: SimNetworkSize): Inventory {
  const n = size.hosts;
  if (!Number.isInteger(n) || n < 1 || n > maxGeneratedHosts) throw new RangeError(`hosts: must be a whole number from 1 to ${maxGeneratedHosts}`);
  if (!Number.isInteger(size.bindings) || size.bindings < 0) throw new RangeError('bindings: must be a whole number, 0 or more');
  const width = Math.max(3, String(n).length);
  const hostName = (i: number) => `sim${String(i + 1).padStart(width, '0')}`;
  const containerName = (i: number) => `c${String(i + 1).padStart(width, '0')}`;
  const exposedAddress = (i: number) => `10.2.${octets(i + 1)}`;
  const serviceCount = Math.max(1, Math.ceil(n / 10));
  const serviceOf = (i: number) => i % serviceCount;
  const serviceName = (s: number) => `svc${String(s + 1).padStart(3, '0')}`;
  const clientCount = Math.min(250, Math.max(1, Math.ceil(n / 50)));
  const bindingsOn = (i: number) => Math.floor(size.bindings / n) + (i < size.bindings % n ? 1 : 0);

  // Per host: m ≡ 0 (mod 3) exports a container, 1 imports the host's outside service, 2 routes into the next host's import 1.
  function binding(i: number, m: number): Binding {
    const next = (i + 1) % n;
    if (m % 3 === 1) return { id: `db-${m}`, kind: 'import', proto: 'tcp', port: 30000 + m, on: exposedAddress(i), to: `${serviceName(serviceOf(i))}:5432`, masquerade: true };
    if (m % 3 === 2 && next !== i && bindingsOn(next) > 1) {
      return { id: `route-${m}`, kind: 'export', proto: 'tcp', port: 20000 + m, in: 'eth0', to: `${exposedAddress(next)}:30001`, masquerade: true };
    }
    return { id: `web-${m}`, kind: 'export', proto: 'tcp', port: 20000 + m, in: 'eth0', to: `${containerName((i + m + 1) % n)}:8080`, masquerade: true };
  }

  const hosts: InventorySimHost[] = Array.from({ length: n }, (_, i) => ({
    name: hostName(i),
    transport: 'sim',
    interfaces: [
      { name: 'lo', addresses: ['127.0.0.1/8'] },
      { name: 'eth0', addresses: [`172.16.${octets(i + 1)}/16`] },
      { name: 'weave', addresses: [] },
    ],
    exposed: [{ cidr: `${exposedAddress(i)}/16`, bridge: 'weave', name: `${hostName(i)}.weave.local` }],
    bindings: Array.from({ length: bindingsOn(i) }, (_, m) => binding(i, m)),
  }));

  return {
    hosts,
    containers: hosts.map((h, i) => ({ name: containerName(i), host: h.name, address: `10.2.${octets(32768 + i + 1)}`, services: [{ port: 8080, proto: 'tcp' }] })),
    services: Array.from({ length: serviceCount }, (_, s) => ({
      name: serviceName(s),
      address: `192.168.${Math.floor(s / 250) + 1}.${(s % 250) + 2}`,
      port: 5432,
      proto: 'tcp',
      reachableFrom: hosts.filter((_, i) => serviceOf(i) === s).map((h) => h.name),
    })),
    clients: Array.from({ length: clientCount }, (_, c) => ({
      name: `client${String(c + 1).padStart(2, '0')}`,
      address: `172.16.255.${c + 1}`,
      reaches: hosts.filter((_, i) => i % clientCount === c).map((h) => h.name),
    })),
  };
}
