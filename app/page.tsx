import { connection } from 'next/server';
import { ConsoleProvider } from '@/components/console/console-provider';
import { ConsoleShell } from '@/components/console/console-shell';
import { pageUser } from '@/lib/auth';
import { loadInventory } from '@/lib/console/load-inventory';
import { loadTopology } from '@/lib/console/load-topology';

/** The console: every host asked at request time, then the graph takes over in the browser. */
export default async function ConsolePage() {
  await connection();
  const user = (await pageUser('viewer'))!;
  const topology = await loadTopology(await loadInventory(), 5_000);
  return (
    <ConsoleProvider topology={topology} access={{ role: user.role, hosts: user.hosts }}>
      <ConsoleShell />
    </ConsoleProvider>
  );
}
