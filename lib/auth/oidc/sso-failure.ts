/** Why a single sign-on attempt ended without a session; carried to /login as `?sso=CODE`. */
export type SsoFailure = 'not-configured' | 'misconfigured' | 'provider-unreachable' | 'expired' | 'denied' | 'rejected' | 'no-identity' | 'account-refused';

const words: Record<SsoFailure, string> = {
  'not-configured': 'Single sign-on is not set up on this console. Sign in with your username and password.',
  misconfigured: 'Single sign-on is set up wrongly on this console (the server log says which setting). Sign in with your username and password.',
  'provider-unreachable': 'The sign-in provider could not be reached. Try again in a moment, or sign in with your username and password.',
  expired: 'That single sign-on attempt expired or was started in another browser tab. Please try again.',
  denied: 'The sign-in provider did not sign you in (it was cancelled or refused there).',
  rejected: "The sign-in provider's answer could not be verified, so you were not signed in. Please try again.",
  'no-identity': 'The sign-in provider did not say who you are (no username, email or subject), so you were not signed in.',
  'account-refused': 'Your single sign-on name belongs to an account of this console that signs in with a password; ask an admin.',
};

/** The plain words shown on /login for a failure code; undefined for anything that is not one. */
export function ssoFailureMessage(code: string | null | undefined): string | undefined {
  return code && Object.hasOwn(words, code) ? words[code as SsoFailure] : undefined;
}
