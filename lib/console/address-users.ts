import type { Binding, BindingKind } from './topology';

/** A binding that needs an exposed address: an import listening on it, or a binding sending to it. */
export interface AddressUser {
  host: string;
  id: string;
  kind: BindingKind;
}

/** Every binding, on any host, that uses `address` (exposed by `owner`): imports on it there, and bindings aimed at it. */
export function addressUsers(address: string, owner: string, hosts: readonly { name: string; bindings: readonly Binding[] }[]): AddressUser[] {
  const users: AddressUser[] = [];
  for (const h of hosts) {
    for (const b of h.bindings) {
      const listens = h.name === owner && b.kind === 'import' && b.front.address === address;
      if (listens || b.target.address === address) users.push({ host: h.name, id: b.id, kind: b.kind });
    }
  }
  return users;
}

/** Why an address may not be hidden yet, in plain words. */
export const addressInUse = (address: string, host: string, users: readonly AddressUser[]): string =>
  `Nothing changed: ${address} on ${host} is still used by ${users.map((u) => `${u.id} (${u.kind} on ${u.host})`).join(', ')}. Remove or rebind ${users.length === 1 ? 'it' : 'them'} first.`;
