import type { SimNetworkSpec } from '@/lib/hosts';
import type { Inventory, InventorySimHost } from './inventory';

/** The `sim` hosts of an inventory, with the containers and services their names resolve to. */
export function simNetworkOf(inventory: Inventory): SimNetworkSpec {
  const hosts = inventory.hosts.filter((h): h is InventorySimHost => h.transport === 'sim');
  return {
    hosts: hosts.map((h) => ({ name: h.name, interfaces: h.interfaces, exposed: h.exposed, bindings: h.bindings })),
    containers: inventory.containers,
    services: inventory.services,
    clients: inventory.clients,
  };
}
