/** Why a request may not go on. */
export type AuthErrorCode = 'unauthenticated' | 'forbidden' | 'bad-origin' | 'password-change-required';

/** A refusal by the data-access check, with a message fit to show the person asking. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** Who was refused, when they were signed in (for the audit trail). */
    readonly username: string | null = null,
  ) {
    super(message);
  }
}

/** The HTTP status that fits an AuthError. */
export const authErrorStatus = (code: AuthErrorCode): number => (code === 'unauthenticated' ? 401 : 403);
