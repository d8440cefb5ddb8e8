import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Database } from '@/lib/store';
import { ensureInitialAdmin, forgetInitialPassword, initialPasswordFile } from './first-start';
import { hashSecret } from './secret';
import { checkSignIn } from './sign-in';
import { userForToken } from './tokens';
import { runUsersCommand } from './users-cli';
import { findUser, listUsers } from './users';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'switchyard-users-'));
  db = openStore(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const run = (args: string[], stdin = '') => runUsersCommand(args, db, async () => stdin);

describe('npm run users', () => {
  it('adds a user with a password from stdin, who keeps it', async () => {
    expect(await run(['add', 'ann', '--role', 'operator', '--hosts', 'host1,host2', '--password-stdin'], 'ann chose this\n')).toBe('Created ann (operator on host1, host2).');
    expect(findUser('ann', db)).toMatchObject({ role: 'operator', hosts: ['host1', 'host2'], mustChangePassword: false });
    expect(await checkSignIn('ann', 'ann chose this', '127.0.0.1', db)).toMatchObject({ ok: true });
  });

  it('generates, prints once and forces a change of a password it made up', async () => {
    const out = await run(['add', 'bob', '--role', 'viewer']);
    const password = /: (\S+)$/.exec(out)?.[1] ?? '';
    expect(password).toHaveLength(20);
    expect(findUser('bob', db)).toMatchObject({ role: 'viewer', hosts: null, mustChangePassword: true });
    expect(await checkSignIn('bob', password, '127.0.0.1', db)).toMatchObject({ ok: true });
  });

  it('lists, removes, and refuses what makes no sense', async () => {
    await run(['add', 'ann', '--role', 'admin', '--password-stdin'], 'a long password\n');
    expect(await run(['list'])).toBe('ann\tadmin\tall hosts');
    await expect(run(['add', 'ann', '--role', 'admin', '--password-stdin'], 'a long password\n')).rejects.toThrow('already exists');
    await expect(run(['add', 'x', '--role', 'root'])).rejects.toThrow('--role viewer, operator or admin');
    await expect(run(['add', 'y', '--role', 'viewer', '--password-stdin'], 'short\n')).rejects.toThrow('at least 12');
    await expect(run(['remove', 'nobody'])).rejects.toThrow('There is no user "nobody"');
    expect(await run(['remove', 'ann'])).toBe('Removed ann.');
    expect(listUsers(db)).toEqual([]);
  });

  it('prints an API token once and keeps only its hash', async () => {
    await run(['add', 'ci', '--role', 'operator', '--password-stdin'], 'a long password\n');
    const token = (await run(['token', 'ci', '--label', 'deploys'])).split('\n')[1];
    expect(token).toMatch(/^syt_/);
    expect(db.prepare('SELECT token_hash, label FROM api_tokens').all()).toEqual([{ token_hash: hashSecret(token), label: 'deploys' }]);
    expect(userForToken(token, db)?.username).toBe('ci');
  });
});

describe('first start', () => {
  it('creates admin once, with a password in a 0600 file that must be changed', async () => {
    const lines: string[] = [];
    const password = await ensureInitialAdmin(db, dir, (l) => lines.push(l));
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(lines[0]).toBe(`Initial admin password: ${password}`);
    expect(readFileSync(initialPasswordFile(dir), 'utf8').trim()).toBe(password);
    expect(statSync(initialPasswordFile(dir)).mode & 0o777).toBe(0o600);
    expect(findUser('admin', db)).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await ensureInitialAdmin(db, dir, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(2);
    forgetInitialPassword(dir);
    expect(() => statSync(initialPasswordFile(dir))).toThrow();
  });

  it('creates nobody when users exist already (made with the CLI before the first start)', async () => {
    await run(['add', 'ann', '--role', 'admin', '--password-stdin'], 'a long password\n');
    expect(await ensureInitialAdmin(db, dir, () => {})).toBeNull();
    expect(findUser('admin', db)).toBeNull();
  });
});
