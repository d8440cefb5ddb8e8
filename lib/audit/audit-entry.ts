/** Who asked, from where, for what: the part of an audit row known before the host answers. */
export interface AuditIntent {
  username: string | null;
  address: string | null;
  host: string | null;
  action: string;
  binding?: string | null;
  targetBefore?: string | null;
  targetAfter?: string | null;
  /** What the host is asked (engine arguments) or, for a refusal, what was submitted. */
  args?: readonly string[];
}

export type AuditOutcome = 'pending' | 'ok' | 'refused' | 'failed';

/** One row of the audit trail as pages show it. */
export interface AuditEntry extends Required<Omit<AuditIntent, 'args'>> {
  id: number;
  at: string;
  args: string[];
  outcome: AuditOutcome;
  message: string | null;
  finishedAt: string | null;
}

/** The audit store could not be written: the change must not be made. */
export class AuditUnavailableError extends Error {
  override readonly name = 'AuditUnavailableError';
  constructor(cause: unknown) {
    super(`the audit trail could not be written (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}
