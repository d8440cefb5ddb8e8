import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { authorize, type CredentialLookup } from './authorize';
import type { ConsoleAddress } from './console-address';
import type { RequestMeta } from './request-meta';
import type { User } from './user';

const users: Record<string, User> = {
  viewer: { id: 1, username: 'vera', role: 'viewer', hosts: null, mustChangePassword: false },
  operator: { id: 2, username: 'otto', role: 'operator', hosts: null, mustChangePassword: false },
  limited: { id: 3, username: 'lina', role: 'operator', hosts: ['host2'], mustChangePassword: false },
  admin: { id: 4, username: 'ada', role: 'admin', hosts: null, mustChangePassword: false },
  fresh: { id: 5, username: 'admin', role: 'admin', hosts: null, mustChangePassword: true },
};
const lookup: CredentialLookup = {
  sessionUser: (t) => users[t] ?? null,
  tokenUser: (t) => (t.startsWith('tok-') ? (users[t.slice(4)] ?? null) : null),
};
const at: ConsoleAddress = { publicUrl: null, ownNames: new Set(['console-1', '192.0.2.10']) };
const action = (over: Partial<RequestMeta> = {}): RequestMeta => ({
  host: 'localhost:3000',
  origin: 'http://localhost:3000',
  mutation: true,
  authorization: null,
  sessionToken: 'operator',
  ...over,
});
const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof AuthError) return e.code;
    throw e;
  }
};

describe('authorize: roles and hosts', () => {
  it('lets each role do what its rank allows', () => {
    expect(code(() => authorize(action({ sessionToken: 'viewer' }), 'viewer', undefined, at, lookup))).toBeUndefined();
    expect(code(() => authorize(action({ sessionToken: 'viewer' }), 'operator', undefined, at, lookup))).toBe('forbidden');
    expect(code(() => authorize(action({ sessionToken: 'operator' }), 'operator', 'host1', at, lookup))).toBeUndefined();
    expect(code(() => authorize(action({ sessionToken: 'operator' }), 'admin', undefined, at, lookup))).toBe('forbidden');
    expect(code(() => authorize(action({ sessionToken: 'admin' }), 'operator', 'host1', at, lookup))).toBeUndefined();
    expect(code(() => authorize(action({ sessionToken: 'admin' }), 'admin', undefined, at, lookup))).toBeUndefined();
  });

  it('limits an operator to their hosts for changes, not for looking', () => {
    expect(authorize(action({ sessionToken: 'limited' }), 'operator', 'host2', at, lookup).username).toBe('lina');
    expect(code(() => authorize(action({ sessionToken: 'limited' }), 'operator', 'host1', at, lookup))).toBe('forbidden');
    expect(code(() => authorize(action({ sessionToken: 'limited' }), 'viewer', 'host1', at, lookup))).toBeUndefined();
  });

  it('refuses without a session, with an unknown one, and with a bad token', () => {
    expect(code(() => authorize(action({ sessionToken: null }), 'viewer', undefined, at, lookup))).toBe('unauthenticated');
    expect(code(() => authorize(action({ sessionToken: 'nobody' }), 'viewer', undefined, at, lookup))).toBe('unauthenticated');
    expect(code(() => authorize(action({ authorization: 'Bearer nope', sessionToken: 'admin' }), 'viewer', undefined, at, lookup))).toBe('unauthenticated');
  });

  it('holds everything until a handed-out password is changed, except the change itself', () => {
    expect(code(() => authorize(action({ sessionToken: 'fresh' }), 'viewer', undefined, at, lookup))).toBe('password-change-required');
    expect(authorize(action({ sessionToken: 'fresh' }), 'viewer', undefined, at, lookup, { allowPasswordChange: true }).username).toBe('admin');
  });

  it("accepts a bearer token with its owner's role, without an Origin", () => {
    const req = action({ authorization: 'Bearer tok-operator', origin: null, sessionToken: null });
    expect(authorize(req, 'operator', 'host1', at, lookup).username).toBe('otto');
    expect(code(() => authorize(action({ authorization: 'Bearer tok-viewer', origin: null, sessionToken: null }), 'operator', 'host1', at, lookup))).toBe('forbidden');
  });
});

describe('authorize: where the request comes from', () => {
  it('refuses a cookie-carried mutation with no Origin or a foreign one', () => {
    expect(code(() => authorize(action({ origin: null }), 'operator', undefined, at, lookup))).toBe('bad-origin');
    expect(code(() => authorize(action({ origin: 'http://evil.example' }), 'operator', undefined, at, lookup))).toBe('bad-origin');
    expect(code(() => authorize(action({ origin: 'null' }), 'operator', undefined, at, lookup))).toBe('bad-origin');
    // Same name, other port: another local web app is another origin.
    expect(code(() => authorize(action({ origin: 'http://localhost:8080' }), 'operator', undefined, at, lookup))).toBe('bad-origin');
  });

  it('lets a read without Origin through (page loads send none)', () => {
    expect(code(() => authorize(action({ origin: null, mutation: false }), 'viewer', undefined, at, lookup))).toBeUndefined();
    expect(code(() => authorize(action({ origin: 'http://evil.example', mutation: false }), 'viewer', undefined, at, lookup))).toBe('bad-origin');
  });

  it('refuses a Host that is not the console, even when the Origin agrees with it (DNS rebinding)', () => {
    const rebound = action({ host: 'evil.example:3000', origin: 'http://evil.example:3000' });
    expect(code(() => authorize(rebound, 'viewer', undefined, at, lookup))).toBe('bad-origin');
    expect(code(() => authorize({ ...rebound, authorization: 'Bearer tok-admin' }, 'viewer', undefined, at, lookup))).toBe('bad-origin');
  });
});
