/** How failed sign-ins slow down the next try: a few free, then a wait that doubles, within a window. */
export interface ThrottlePolicy {
  windowMs: number;
  freeFailures: number;
  firstWaitMs: number;
  maxWaitMs: number;
}

/** Five free failures in 15 minutes, then 1 s, 2 s, 4 s … up to 5 minutes between tries. */
export const throttlePolicy: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, firstWaitMs: 1_000, maxWaitMs: 5 * 60_000 };

/** How long (ms) from `now` before another try is allowed, given the times of recent failures (0: go ahead). */
export function signInWait(failureTimes: readonly number[], now: number, policy: ThrottlePolicy = throttlePolicy): number {
  const recent = failureTimes.filter((t) => now - t < policy.windowMs);
  if (recent.length < policy.freeFailures) return 0;
  const wait = Math.min(policy.firstWaitMs * 2 ** (recent.length - policy.freeFailures), policy.maxWaitMs);
  return Math.max(0, Math.max(...recent) + wait - now);
}
