import { connection } from 'next/server';
import { PageFrame } from '@/components/auth/page-frame';
import { TokensAdmin } from '@/components/admin/tokens-admin';
import { UsersAdmin } from '@/components/admin/users-admin';
import { currentUser, listTokens, listUsers, pageUser } from '@/lib/auth';

/** Users and API tokens, for admins. */
export default async function AdminPage() {
  await connection();
  const admin = await pageUser('admin');
  if (!admin) {
    const user = (await currentUser())!;
    return (
      <PageFrame title="Admin" user={user}>
        <p className="text-sm">You are signed in as {user.username} ({user.role}): managing users and tokens needs the admin role.</p>
      </PageFrame>
    );
  }
  const users = listUsers().map(({ username, role, hosts, mustChangePassword }) => ({ username, role, hosts, mustChangePassword }));
  return (
    <PageFrame title="Admin" user={admin}>
      <UsersAdmin users={users} me={admin.username} />
      <TokensAdmin tokens={listTokens()} usernames={users.map((u) => u.username)} />
    </PageFrame>
  );
}
