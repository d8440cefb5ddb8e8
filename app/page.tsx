import { connection } from 'next/server';
import { ConsoleProvider } from '@/components/console/console-provider';
import { ConsoleShell } from '@/components/console/console-shell';
import { AccountBar } from '@/components/auth/account-bar';
import { pageUser } from '@/lib/auth';
import { hubTopology, networkHub } from '@/lib/hub';

/** The console: drawn at once from the hub's last-known state (no host is asked), then kept live over SSE. */
export default async function ConsolePage() {
  await connection();
  const user = (await pageUser('viewer'))!;
  const topology = hubTopology(await networkHub());
  return (
    <ConsoleProvider topology={topology} access={{ role: user.role, hosts: user.hosts }}>
      <ConsoleShell account={<AccountBar user={user} />} />
    </ConsoleProvider>
  );
}
