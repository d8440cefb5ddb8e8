import type { User } from '@/lib/auth/user';
import { currentAddress } from '@/lib/auth/require-user';
import type { OperationContext } from './host-operations';
import { loadInventory } from './load-inventory';

/** The network, the acting user (already checked by requireUser) and their address, as every change needs them. */
export async function operationContext(user: User): Promise<OperationContext> {
  const [inventory, address] = await Promise.all([loadInventory(), currentAddress()]);
  return { inventory, user, address };
}
