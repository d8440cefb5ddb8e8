import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { commandNotFound, type CommandRunner, type RunOptions, type RunResult } from './command-runner';

/**
 * Runs real processes with node's own `spawn`: argument arrays, no shell, failures returned as
 * values. (No process library: the CLI is started for every change, and its bundle is parsed
 * each time.)
 */
export class ProcessRunner implements CommandRunner {
  /** `prefix` runs every command under another program, e.g. `['ip', 'netns', 'exec', 'ns1']`. */
  constructor(private readonly prefix: readonly string[] = []) {}

  run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    const [cmd, ...rest] = [...this.prefix, file, ...args];
    return new Promise((resolve) => {
      const child = spawn(cmd, rest, { env: { ...process.env, LC_ALL: 'C' }, stdio: ['pipe', opts.stdoutFd ?? 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      let spawnError: NodeJS.ErrnoException | undefined;
      const decoder = opts.onStdout && new StringDecoder('utf8');
      child.stdout?.on('data', (c: Buffer) => (decoder ? opts.onStdout!(decoder.write(c)) : out.push(c)));
      child.stderr!.on('data', (c: Buffer) => err.push(c));
      // A program that exits without reading its input closes the pipe: that is its answer, not ours.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(opts.input ?? '');
      const timer = opts.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }, opts.timeoutMs)
        : undefined;
      child.on('error', (e: NodeJS.ErrnoException) => {
        spawnError = e;
      });
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (decoder) opts.onStdout!(decoder.end());
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (spawnError) {
          const missing = spawnError.code === 'ENOENT';
          resolve({ exitCode: missing ? commandNotFound : 1, stdout, stderr: stderr || (missing ? `${cmd}: command not found` : spawnError.message) });
        } else if (timedOut) resolve({ exitCode: 124, stdout, stderr: stderr || `${cmd} timed out after ${opts.timeoutMs} ms` });
        else if (code === null) resolve({ exitCode: 1, stdout, stderr: stderr || `${cmd} was killed by ${signal}` });
        else resolve({ exitCode: code, stdout, stderr });
      });
    });
  }
}
