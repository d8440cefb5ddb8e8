/** A lab step that failed, with the command that failed and what it printed. */
export class LabError extends Error {
  readonly command?: string;
  readonly stderr?: string;

  constructor(message: string, opts: { command?: string; stderr?: string; cause?: unknown } = {}) {
    super(opts.stderr ? `${message}: ${opts.stderr.trim()}` : message, { cause: opts.cause });
    this.name = 'LabError';
    this.command = opts.command;
    this.stderr = opts.stderr;
  }
}
