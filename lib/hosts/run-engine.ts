import { ExecaRunner } from '@/lib/engine/runner/execa-runner';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import { engineCommand } from './engine-command';
import type { HostConnection } from './host-connection';
import { embeddedSimNetwork, runOnSimHost } from './sim/sim-network';

/** How long a host may take to answer before it counts as unreachable. */
export const defaultEngineTimeoutMs = 15_000;

const processRunner = new ExecaRunner();
const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Runs `switchyard --json <args>` on a host through its transport, with `input` on stdin.
 * Failures (including timeouts, exit 124, and a missing host) come back as values.
 */
export async function runEngine(
  host: HostConnection,
  args: readonly string[],
  input?: string,
  timeoutMs: number = defaultEngineTimeoutMs,
): Promise<RunResult> {
  if (host.transport === 'sim') {
    const sim = (await embeddedSimNetwork()).get(host.name);
    if (!sim) return { exitCode: 1, stdout: '', stderr: `no simulated host named ${host.name}` };
    return runOnSimHost(sim, args, input);
  }
  const command = engineCommand(host, args, isRoot());
  return processRunner.run(command.file, command.args, { input, timeoutMs });
}
