/** Why an engine operation failed; each maps to one CLI exit code. */
export type EngineErrorCode =
  | 'bad-input' // 2: invalid field; nothing changed
  | 'unknown-id' // 2: no binding with that id
  | 'conflict' // 3: front already bound, id exists, loop, stale revision
  | 'kernel-refused' // 4: iptables-restore refused the script; nothing changed
  | 'lock-timeout' // 5: another invocation held the state lock too long
  | 'host-failure'; // 1: the host failed: I/O, a corrupt state file, a command that broke (nothing half-done)

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

/** Plain words for the file-system failures a host can have. */
const fileSystemWords: Record<string, string> = {
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'something else already exists at that path',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EIO: 'the disk reported an I/O error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has a symbolic link loop',
};

/** A file-system failure as a host-failure in plain words: `could not write /x/state.json: the disk is full (ENOSPC)`. */
export function fileSystemError(e: unknown, doing: string): EngineError {
  if (e instanceof EngineError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words = code && Object.hasOwn(fileSystemWords, code) ? fileSystemWords[code] : (e as Error | undefined)?.message ?? String(e);
  return new EngineError('host-failure', `could not ${doing}: ${words}${code ? ` (${code})` : ''}`, { cause: e });
}

/**
 * Any failure as an EngineError: expected ones pass through, a system error becomes a
 * host-failure in plain words, anything else (a bug) a host-failure without a stack trace.
 */
export function asEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const syscall = (e as NodeJS.ErrnoException | undefined)?.syscall;
  if (typeof code === 'string' && syscall) return fileSystemError(e, `${syscall} ${(e as NodeJS.ErrnoException).path ?? ''}`.trim());
  const message = e instanceof Error ? e.message : String(e);
  return new EngineError('host-failure', `internal error: ${message}`, { cause: e });
}
