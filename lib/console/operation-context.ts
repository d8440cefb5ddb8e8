import type { OperationContext } from './host-operations';
import { loadInventory } from './load-inventory';
import { currentRole } from './role';

/** The network and the caller's role, as every server action needs them. */
export async function operationContext(): Promise<OperationContext> {
  const [inventory, role] = await Promise.all([loadInventory(), currentRole()]);
  return { inventory, role };
}
