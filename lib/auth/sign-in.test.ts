import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Database } from '@/lib/store';
import { checkSignIn } from './sign-in';
import { signInWait, throttlePolicy } from './throttle-policy';
import { createUser } from './users';

describe('signInWait', () => {
  const now = 10_000_000;
  it('lets the first few failures pass, then doubles the wait', () => {
    const fails = (n: number) => Array.from({ length: n }, () => now);
    expect(signInWait(fails(throttlePolicy.freeFailures - 1), now)).toBe(0);
    expect(signInWait(fails(throttlePolicy.freeFailures), now)).toBe(1_000);
    expect(signInWait(fails(throttlePolicy.freeFailures + 1), now)).toBe(2_000);
    expect(signInWait(fails(throttlePolicy.freeFailures + 30), now)).toBe(throttlePolicy.maxWaitMs);
  });
  it('counts the wait from the last failure and forgets failures older than the window', () => {
    const fails = Array.from({ length: 6 }, () => now);
    expect(signInWait(fails, now + 1_500)).toBe(500);
    expect(signInWait(fails, now + 2_000)).toBe(0);
    expect(signInWait(fails, now + throttlePolicy.windowMs)).toBe(0);
  });
});

describe('checkSignIn', () => {
  let dir: string;
  let db: Database;
  const t0 = Date.parse('2026-03-01T08:00:00Z');
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchyard-signin-'));
    db = openStore(dir);
    await createUser({ username: 'ann', role: 'operator', password: 'the right password', mustChangePassword: false }, db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the right password and refuses a wrong one or an unknown user alike', async () => {
    expect(await checkSignIn('ann', 'the right password', '10.0.0.1', db, t0)).toMatchObject({ ok: true, user: { username: 'ann' } });
    expect(await checkSignIn('ann', 'wrong', '10.0.0.1', db, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkSignIn('bob', 'the right password', '10.0.0.1', db, t0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it("slows down repeated failures for one user, even the right password, from any address", async () => {
    for (let i = 0; i < throttlePolicy.freeFailures; i++) await checkSignIn('ann', `guess ${i}`, `10.0.1.${i}`, db, t0);
    expect(await checkSignIn('ann', 'the right password', '10.9.9.9', db, t0 + 10)).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await checkSignIn('ann', 'the right password', '10.9.9.9', db, t0 + 1_000)).toMatchObject({ ok: true });
  });

  it('slows down one address guessing many users, and not another address', async () => {
    for (let i = 0; i < throttlePolicy.freeFailures; i++) await checkSignIn(`user${i}`, 'guess', '10.6.6.6', db, t0);
    expect(await checkSignIn('ann', 'the right password', '10.6.6.6', db, t0 + 10)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    expect(await checkSignIn('ann', 'the right password', '10.0.0.2', db, t0 + 10)).toMatchObject({ ok: true });
  });

  it("a success clears the user's failures", async () => {
    for (let i = 0; i < throttlePolicy.freeFailures - 1; i++) await checkSignIn('ann', 'guess', '10.0.0.1', db, t0);
    await checkSignIn('ann', 'the right password', '10.0.0.1', db, t0 + 1);
    await checkSignIn('ann', 'guess', '10.0.0.3', db, t0 + 2);
    expect(await checkSignIn('ann', 'the right password', '10.0.0.4', db, t0 + 3)).toMatchObject({ ok: true });
  });
});
