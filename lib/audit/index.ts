export { recordIntent, recordOutcome, recordRefusal } from './record';
export { listAudit, type AuditFilter } from './list-audit';
export { AuditUnavailableError, type AuditEntry, type AuditIntent, type AuditOutcome } from './audit-entry';
