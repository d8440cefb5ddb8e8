import { connection } from 'next/server';
import { AuditFilterForm } from '@/components/audit/audit-filter';
import { AuditTable } from '@/components/audit/audit-table';
import { PageFrame } from '@/components/auth/page-frame';
import { pageUser } from '@/lib/auth';
import { listAudit } from '@/lib/audit';

const one = (v: string | string[] | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Who changed what, from where, and how it ended: newest first, filtered by user, host or binding. Every role may read it. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = (await pageUser('viewer'))!;
  const q = await searchParams;
  const filter = { user: one(q.user), host: one(q.host), binding: one(q.binding) };
  return (
    <PageFrame title="Audit trail" user={user}>
      <AuditFilterForm filter={filter} />
      <AuditTable entries={listAudit(filter)} />
    </PageFrame>
  );
}
