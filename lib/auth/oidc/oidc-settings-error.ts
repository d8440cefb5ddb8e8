/** A single sign-on setting that cannot be used, naming the variable and why. */
export class OidcSettingsError extends Error {
  readonly code = 'bad-oidc-settings';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'OidcSettingsError';
  }
}
