import { describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv, ssoConfigured } from './oidc-settings';

const env = {
  SWITCHYARD_OIDC_ISSUER: 'https://id.example.com/realms/ops',
  SWITCHYARD_OIDC_CLIENT_ID: 'switchyard',
  SWITCHYARD_OIDC_CLIENT_SECRET: 's3cret',
};

describe('single sign-on settings from the environment', () => {
  it('is off when none of issuer, client id and secret is set', () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(oidcSettingsFromEnv({ SWITCHYARD_OIDC_ROLE_MAP: 'netops=operator', SWITCHYARD_OIDC_ISSUER: ' ' })).toBeNull();
    expect(ssoConfigured({ SWITCHYARD_OIDC_ROLE_MAP: 'netops=operator' })).toBe(false);
    expect(ssoConfigured({ SWITCHYARD_OIDC_CLIENT_ID: 'x' })).toBe(true);
  });

  it('reads all settings, with groups as the default roles claim', () => {
    const s = oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ROLE_MAP: 'netops=operator' });
    expect(s).toMatchObject({ clientId: 'switchyard', clientSecret: 's3cret', rolesClaim: 'groups' });
    expect(s?.issuer.href).toBe('https://id.example.com/realms/ops');
    expect(s?.roleMap.get('netops')).toBe('operator');
    expect(oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ROLES_CLAIM: 'roles' })?.rolesClaim).toBe('roles');
  });

  it('names what is missing when the settings are given only in part', () => {
    expect(() => oidcSettingsFromEnv({ SWITCHYARD_OIDC_ISSUER: env.SWITCHYARD_OIDC_ISSUER })).toThrow(
      'SWITCHYARD_OIDC_CLIENT_ID: is not set, but SWITCHYARD_OIDC_ISSUER is; single sign-on needs all three',
    );
    expect(() => oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_CLIENT_SECRET: '' })).toThrow(/^SWITCHYARD_OIDC_CLIENT_SECRET: is not set/);
  });

  it('refuses an issuer that is not a URL, or plain http to another machine', () => {
    expect(() => oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ISSUER: 'id.example.com' })).toThrow('SWITCHYARD_OIDC_ISSUER: "id.example.com" is not a URL');
    expect(() => oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ISSUER: 'http://id.example.com' })).toThrow(/must be an https URL/);
    expect(oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer.port).toBe('9000');
  });

  it('refuses a role map it cannot read', () => {
    expect(() => oidcSettingsFromEnv({ ...env, SWITCHYARD_OIDC_ROLE_MAP: 'netops=superuser' })).toThrow(/SWITCHYARD_OIDC_ROLE_MAP/);
  });
});
