import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '@/lib/store/db';
import { createUser, findUser, upsertSsoUser } from './users';

const dir = mkdtempSync(path.join(tmpdir(), 'sy-sso-user-'));
const db = openStore(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('single sign-on users', () => {
  it('are created on first sign-in and follow the provider role after', () => {
    expect(upsertSsoUser({ username: 'alice', role: 'operator' }, db)).toMatchObject({ username: 'alice', role: 'operator', mustChangePassword: false });
    expect(upsertSsoUser({ username: 'alice', role: 'viewer' }, db).role).toBe('viewer');
  });

  it('never take over an account that signs in with a password', async () => {
    await createUser({ username: 'root-ish', role: 'admin', password: 'a long enough password 1', mustChangePassword: false }, db);
    expect(() => upsertSsoUser({ username: 'root-ish', role: 'viewer' }, db)).toThrow(/signs in with a password; single sign-on may not take it over/);
    expect(findUser('root-ish', db)?.role).toBe('admin');
  });
});
