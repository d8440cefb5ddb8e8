import { connection } from 'next/server';
import { ConsoleProvider } from '@/components/console/console-provider';
import { ConsoleShell } from '@/components/console/console-shell';
import { loadInventory } from '@/lib/console/load-inventory';
import { loadTopology } from '@/lib/console/load-topology';
import { currentRole } from '@/lib/console/role';

/** The console: every host asked at request time, then the graph takes over in the browser. */
export default async function ConsolePage() {
  await connection();
  const [inventory, role] = await Promise.all([loadInventory(), currentRole()]);
  const topology = await loadTopology(inventory, 5_000);
  return (
    <ConsoleProvider topology={topology} role={role}>
      <ConsoleShell />
    </ConsoleProvider>
  );
}
