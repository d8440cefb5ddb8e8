import { connection } from 'next/server';
import { ConsoleProvider } from '@/components/console/console-provider';
import { ConsoleShell } from '@/components/console/console-shell';
import { AccountBar } from '@/components/auth/account-bar';
import { pageUser } from '@/lib/auth';
import { hubTopology, networkHub } from '@/lib/hub';
import { keptPositions } from '@/lib/console/layout-positions';

/**
 * The console: drawn at once from the hub's last-known state (no host is asked) and the user's kept
 * positions (no request after the page to place the nodes), then kept live over SSE.
 */
export default async function ConsolePage() {
  await connection();
  const user = (await pageUser('viewer'))!;
  const topology = hubTopology(await networkHub());
  return (
    <ConsoleProvider topology={topology} access={{ role: user.role, hosts: user.hosts }} kept={keptPositions(user.id)}>
      <ConsoleShell account={<AccountBar user={user} />} />
    </ConsoleProvider>
  );
}
