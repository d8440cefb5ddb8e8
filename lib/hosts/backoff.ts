/** How long to wait before restarting a session: exponential, capped, with jitter. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/**
 * The delay before restart attempt `attempt` (0 = the first restart): initial·2^attempt capped at
 * max, then scaled by a random factor in [0.5, 1) so hosts that failed together do not retry together.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}
