import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { HostConnection } from './host-connection';
import { hostSessions } from './session-pool';

/** How long a host may take to answer before it counts as unreachable. */
export const defaultEngineTimeoutMs = 15_000;

/**
 * Runs `switchyard --json <args>` on a host through its persistent session, with `input` as what
 * `--file -` reads. Failures (a timeout, 124; an unreachable host, 255) come back as values.
 */
export function runEngine(
  host: HostConnection,
  args: readonly string[],
  input?: string,
  timeoutMs: number = defaultEngineTimeoutMs,
): Promise<RunResult> {
  return hostSessions().request(host, args, input, timeoutMs);
}
