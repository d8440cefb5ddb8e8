import { describe, expect, it } from 'vitest';
import { parseRoleMap } from './role-map';
import { ssoIdentity } from './sso-identity';
import { ssoFailureMessage } from './sso-failure';
import { decodePendingSignIn, encodePendingSignIn } from './pending-sign-in';
import { ssoCallbackUrl } from './sso-callback-url';
import { ssoScopes } from './sso-scopes';

const map = parseRoleMap('netops=operator');

describe('the console user for a provider sign-in', () => {
  it('is named by preferred_username, else email, else sub', () => {
    expect(ssoIdentity({ sub: 'u-1', email: 'alice@example.com', preferred_username: 'alice', groups: ['netops'] }, 'groups', map)).toEqual({ username: 'alice', role: 'operator' });
    expect(ssoIdentity({ sub: 'u-1', email: 'alice@example.com', preferred_username: ' ' }, 'groups', map)).toEqual({ username: 'alice@example.com', role: 'viewer' });
    expect(ssoIdentity({ sub: 'u-1' }, 'groups', map)?.username).toBe('u-1');
    expect(ssoIdentity({ sub: 42 }, 'groups', map)).toBeNull();
  });

  it('reads the role from the configured claim only', () => {
    expect(ssoIdentity({ sub: 'bob', roles: ['netops'], groups: [] }, 'roles', map)?.role).toBe('operator');
    expect(ssoIdentity({ sub: 'bob', roles: ['netops'], groups: [] }, 'groups', map)?.role).toBe('viewer');
  });
});

describe('sign-in failure words', () => {
  it('exist for known codes only, so a crafted URL cannot put its own text on /login', () => {
    expect(ssoFailureMessage('expired')).toMatch(/expired/);
    expect(ssoFailureMessage('<script>')).toBeUndefined();
    expect(ssoFailureMessage('toString')).toBeUndefined();
    expect(ssoFailureMessage(null)).toBeUndefined();
  });
});

describe('the pending sign-in cookie', () => {
  const pending = { codeVerifier: 'v', state: 's', nonce: 'n', redirectUri: 'http://localhost:3000/login/sso/callback', startedAt: 1_000_000 };

  it('round-trips while fresh', () => {
    expect(decodePendingSignIn(encodePendingSignIn(pending), 1_000_000 + 599_000)).toEqual(pending);
  });

  it('is refused when stale, malformed or incomplete', () => {
    expect(decodePendingSignIn(encodePendingSignIn(pending), 1_000_000 + 601_000)).toBeNull();
    expect(decodePendingSignIn('not-base64-json', 1_000_000)).toBeNull();
    expect(decodePendingSignIn(encodePendingSignIn({ ...pending, state: '' }), 1_000_000)).toBeNull();
    expect(decodePendingSignIn(undefined)).toBeNull();
  });
});

describe('the redirect URI', () => {
  it('sits under SWITCHYARD_URL when set, else under the request origin', () => {
    expect(ssoCallbackUrl('https://switchyard.example.com', 'http://10.0.0.5:3000')).toBe('https://switchyard.example.com/login/sso/callback');
    expect(ssoCallbackUrl(undefined, 'http://localhost:41234')).toBe('http://localhost:41234/login/sso/callback');
    expect(ssoCallbackUrl('', 'http://localhost:41234')).toBe('http://localhost:41234/login/sso/callback');
  });
});

describe('the scopes a sign-in asks for', () => {
  it('adds the roles claim when the provider offers a scope of that name', () => {
    expect(ssoScopes(['openid', 'profile', 'email', 'groups', 'address'], 'groups')).toBe('openid profile email groups');
    expect(ssoScopes(['openid', 'profile'], 'groups')).toBe('openid profile');
    expect(ssoScopes(undefined, 'groups')).toBe('openid profile email');
  });
});
