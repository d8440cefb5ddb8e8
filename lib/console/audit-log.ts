import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** One line of the audit log: who asked which host for what, and how it ended. */
export interface AuditEntry {
  at: string;
  role: string;
  host: string;
  action: string;
  args: string[];
  outcome: 'ok' | 'refused' | 'failed';
  message?: string;
}

/** Where the audit log lives: `SWITCHYARD_AUDIT_LOG`, else `.switchyard/audit.jsonl` under the working directory. */
export const auditLogPath = (env: Record<string, string | undefined> = process.env): string =>
  env.SWITCHYARD_AUDIT_LOG ?? path.resolve(process.cwd(), '.switchyard/audit.jsonl');

/** Append one entry as a JSON line; the file is only ever appended to. */
export async function appendAudit(entry: Omit<AuditEntry, 'at'>, file: string = auditLogPath()): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, JSON.stringify({ at: new Date().toISOString(), ...entry }) + '\n', 'utf8');
}
