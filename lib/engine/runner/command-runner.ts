/** What a finished process left behind. Failures are values, never exceptions. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text written to the process's standard input. */
  input?: string;
  /** Kill the process after this many milliseconds (exit code 124). */
  timeoutMs?: number;
  /**
   * Standard output handed over piece by piece as it arrives, never gathered (the result's
   * `stdout` is then empty): for output of megabytes read as it comes. A runner that cannot
   * stream returns it in `stdout` as usual.
   */
  onStdout?: (text: string) => void;
  /**
   * Standard output written straight into this open file (e.g. a {@link Spool}) and not read
   * while the process runs (the result's `stdout` is then empty). A runner that cannot write to a
   * file returns it in `stdout` (or to `onStdout`) as usual.
   */
  stdoutFd?: number;
}

/**
 * The one seam through which the engine starts processes: a file and an argument array,
 * never a shell. The process runner talks to the real host; the simulated one answers in process.
 */
export interface CommandRunner {
  run(file: string, args: readonly string[], opts?: RunOptions): Promise<RunResult>;
}

/** Exit code a runner reports when the program does not exist on the host. */
export const commandNotFound = 127;
