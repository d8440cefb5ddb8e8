import { execa } from 'execa';
import { commandNotFound, type CommandRunner, type RunOptions, type RunResult } from './command-runner';

/** Runs real processes with execa: argument arrays, no shell, failures returned as values. */
export class ExecaRunner implements CommandRunner {
  /** `prefix` runs every command under another program, e.g. `['ip', 'netns', 'exec', 'ns1']`. */
  constructor(private readonly prefix: readonly string[] = []) {}

  async run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    const [cmd, ...rest] = this.prefix.length ? [...this.prefix, file, ...args] : [file, ...args];
    const r = await execa(cmd, rest, {
      input: opts.input,
      timeout: opts.timeoutMs,
      reject: false,
      stripFinalNewline: false,
      env: { LC_ALL: 'C' },
    });
    if (r.failed && r.exitCode === undefined) {
      const missing = (r.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
      return {
        exitCode: r.timedOut ? 124 : missing ? commandNotFound : 1,
        stdout: String(r.stdout ?? ''),
        stderr: String(r.stderr ?? '') || (missing ? `${cmd}: command not found` : (r.shortMessage ?? 'failed')),
      };
    }
    return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
  }
}
