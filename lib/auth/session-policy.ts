/** How long a session lives: ended after `idleMs` without a request, and `absoluteMs` after sign-in whatever happens. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** Two hours idle, twelve hours at most: a working day, and a forgotten tab does not stay signed in. */
export const sessionPolicy: SessionPolicy = { idleMs: 2 * 60 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 };

/** Whether a session created at `createdAt` and last used at `lastSeenAt` is still alive at `now` (all ms). */
export function sessionAlive(s: { createdAt: number; lastSeenAt: number }, now: number, policy: SessionPolicy = sessionPolicy): boolean {
  return now - s.lastSeenAt < policy.idleMs && now - s.createdAt < policy.absoluteMs;
}

/** When the cookie should expire: at the absolute limit (the idle limit is enforced on the server). */
export const sessionCookieMaxAgeSeconds = (policy: SessionPolicy = sessionPolicy): number => Math.floor(policy.absoluteMs / 1000);

/** Recording every request's time would write on every page view; once a minute is enough for the idle limit. */
export const touchEveryMs = 60_000;
