import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { store, type Database } from '@/lib/store';
import { dataDir } from '@/lib/store/data-dir';
import { generatePassword } from './password';
import { countUsers, createUser } from './users';

/** Where the first start leaves the initial admin password. */
export const initialPasswordFile = (dir: string = dataDir()): string => path.join(dir, 'initial-admin-password');

/**
 * On a store without users, create `admin` (role admin) with a random password that must be
 * changed at first sign-in; print it once and leave it in `<data dir>/initial-admin-password`
 * (mode 0600). Returns the password, or null when users already exist.
 */
export async function ensureInitialAdmin(db: Database = store(), dir: string = dataDir(), log: (line: string) => void = console.log): Promise<string | null> {
  if (countUsers(db) > 0) return null;
  const password = generatePassword();
  await createUser({ username: 'admin', role: 'admin', password, mustChangePassword: true }, db);
  writeFileSync(initialPasswordFile(dir), password + '\n', { mode: 0o600 });
  log(`Initial admin password: ${password}`);
  log(`(also in ${initialPasswordFile(dir)}; sign in as "admin" and choose a new password)`);
  return password;
}

/** The initial password is no longer valid once admin chose another: remove its file. */
export function forgetInitialPassword(dir: string = dataDir()): void {
  rmSync(initialPasswordFile(dir), { force: true });
}
