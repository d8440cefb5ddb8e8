/** Why an engine operation failed; each maps to one CLI exit code. */
export type EngineErrorCode =
  | 'bad-input' // 2: invalid field; nothing changed
  | 'unknown-id' // 2: no binding with that id
  | 'conflict' // 3: front already bound, id exists, loop, stale revision
  | 'kernel-refused' // 4: iptables-restore refused the script; nothing changed
  | 'lock-timeout' // 5: another invocation held the state lock too long
  | 'host-failure'; // 1: a command the engine needs failed for another reason

const exitCodes: Record<EngineErrorCode, number> = {
  'bad-input': 2,
  'unknown-id': 2,
  conflict: 3,
  'kernel-refused': 4,
  'lock-timeout': 5,
  'host-failure': 1,
};

/** The one error type the engine throws for expected failures. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly field?: string;
  readonly context?: string;

  constructor(code: EngineErrorCode, message: string, opts: { field?: string; context?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'EngineError';
    this.code = code;
    this.field = opts.field;
    this.context = opts.context;
  }

  get exitCode(): number {
    return exitCodes[this.code];
  }
}

/** Shorthand for a bad-input error naming its field. */
export const badInput = (field: string, message: string): EngineError =>
  new EngineError('bad-input', `${field}: ${message}`, { field });
