import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

/** The users the e2e specs sign in as, with where their signed-in browser state is kept. */
export function e2eAccounts(dataDir: string) {
  const state = (name: string) => path.join(`${dataDir}-browser`, `${name}.json`);
  return {
    operator: { username: 'olivia', password: 'operator password 1', role: 'operator', state: state('operator') },
    viewer: { username: 'victor', password: 'viewer password 12', role: 'viewer', state: state('viewer') },
  } as const;
}

/** `npm run users -- ARGS` against a data directory, with `input` on stdin; resolves to stdout. */
export function usersCommand(dataDir: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/auth/users-cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, SWITCHYARD_DATA_DIR: dataDir },
    }, (err, stdout, stderr) => (err ? reject(new Error(`users ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout)));
    child.stdin?.end(input ?? '');
  });
}

/** The sign-in form at `url`, filled in; `Sign in` is the button to submit it. */
export async function fillSignIn(page: Page, username: string, password: string, url = '/login'): Promise<Locator> {
  await page.goto(url);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  return page.getByRole('button', { name: 'Sign in' });
}

/** Sign in on /login with the form, as a person would. */
export async function signIn(page: Page, username: string, password: string, url = '/login', timeoutMs = 30_000): Promise<void> {
  await (await fillSignIn(page, username, password, url)).click();
  // Argon2id is meant to be slow, and this machine is shared: allow the answer time.
  await expect(page).not.toHaveURL(/\/login$/, { timeout: timeoutMs });
}
