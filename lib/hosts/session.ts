import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { StatusReport } from '@/lib/engine/model/report';

/** A session's reachability: up, or down with the reason in plain words, and since when. */
export interface SessionState {
  up: boolean;
  reason?: string;
  /** ISO time of the transition. */
  at: string;
}

/**
 * The console's one long-lived line to a host's engine (`switchyard serve --stdio` over the
 * host's transport). It restarts itself with backoff while the host is unreachable.
 */
export interface HostSession {
  readonly host: string;
  /** Up or down now. */
  readonly state: SessionState;
  /** The last status the host pushed, if any. */
  readonly lastStatus: StatusReport | undefined;
  /**
   * One CLI verb through the session (same args as the CLI, --json implied). Failures are values:
   * exit 255 when the host is unreachable or the session ended before answering, 124 on timeout.
   */
  request(args: readonly string[], input?: string, timeoutMs?: number): Promise<RunResult>;
  /** Pushed `{"event":"status","report":StatusReport}` lines. Returns an unsubscribe function. */
  onStatus(listener: (report: StatusReport) => void): () => void;
  /** Session up/down transitions with the reason (down = unreachable). */
  onState(listener: (s: SessionState) => void): () => void;
  /** End the session for good (no restart). */
  close(): Promise<void>;
}

/** Exit code of a request the host could not be asked, or did not finish answering. */
export const unreachableExitCode = 255;
/** Exit code of a request that got no answer in time. */
export const timeoutExitCode = 124;

/** The RunResult of a request that never reached the host (or whose answer never came back). */
export const unreachableResult = (message: string): RunResult => ({ exitCode: unreachableExitCode, stdout: '', stderr: `${message}\n` });
