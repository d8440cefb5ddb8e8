import type { SsoFailure } from './sso-failure';

/** A single sign-on attempt that ended without a user, with the reason shown on /login and the cause for the log. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SsoError';
  }
}
