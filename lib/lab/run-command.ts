import { ProcessRunner } from '../engine/runner/process-runner';
import type { RunResult } from '../engine/runner/command-runner';
import { LabError } from './lab-error';

const runner = new ProcessRunner();

/** Runs a command (argument array, no shell) and returns what it printed, whatever its exit code. */
export function runCommand(file: string, args: readonly string[]): Promise<RunResult> {
  return runner.run(file, args, { timeoutMs: 15_000 });
}

/** Runs a command that must succeed; a failure throws a LabError naming the command. */
export async function mustRun(file: string, args: readonly string[]): Promise<string> {
  const r = await runCommand(file, args);
  const command = [file, ...args].join(' ');
  if (r.exitCode !== 0) throw new LabError(`${command} failed (exit ${r.exitCode})`, { command, stderr: r.stderr });
  return r.stdout;
}
