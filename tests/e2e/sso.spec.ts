import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { startTestProvider, type TestProvider } from './oidc-provider-fixture';
import { startOwnConsole, type OwnConsole } from './own-console';
import { usersCommand } from './accounts';

// Single sign-on against a real OpenID provider (oidc-provider, its own sign-in and consent
// pages), started here with a console of its own that has the SSO settings.
// Generous: a provider round trip, Argon2id and a users CLI run each take seconds on a loaded shared machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
// Signed out: the sim project's operator session belongs to the other console.
test.use({ storageState: { cookies: [], origins: [] } });

let provider: TestProvider | undefined;
let own: OwnConsole | undefined;
let dataDir = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [providerPort, consolePort] = [await freePort(), await freePort()];
  provider = await startTestProvider(providerPort, `http://localhost:${consolePort}/login/sso/callback`, [
    { sub: 'u-alice', preferred_username: 'alice', name: 'Alice Example', email: 'alice@example.com', groups: ['staff', 'netops'] },
    { sub: 'u-bob', preferred_username: 'bob', name: 'Bob Example', email: 'bob@example.com', groups: ['staff'] },
  ]);
  dataDir = await mkdtemp(path.join(tmpdir(), 'switchyard-sso-e2e-'));
  own = await startOwnConsole(
    {
      SWITCHYARD_DATA_DIR: dataDir,
      SWITCHYARD_INVENTORY: '',
      SWITCHYARD_URL: '',
      SWITCHYARD_OIDC_ISSUER: provider.issuer,
      SWITCHYARD_OIDC_CLIENT_ID: provider.clientId,
      SWITCHYARD_OIDC_CLIENT_SECRET: provider.clientSecret,
      SWITCHYARD_OIDC_ROLE_MAP: 'netops=operator,netadmins=admin',
    },
    consolePort,
  );
});

test.afterAll(async () => {
  await own?.stop();
  await provider?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** From the console's /login through the provider's own sign-in page as `login`; stops at the consent page. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${own!.url}/`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider!.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password: the development provider checks none');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
}

test('a provider user in group netops signs in with SSO and lands on the console as an operator', async ({ page }) => {
  await signInAtProvider(page, 'u-alice');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${own!.url}/`);
  await expect(page.getByLabel('Signed in as')).toHaveText('alice');
  // Operators get the edit controls, and the console's store says so.
  await expect(page.getByRole('button', { name: 'New export', exact: true })).toBeVisible();
  expect(await usersCommand(dataDir, ['list'])).toMatch(/^alice\toperator\tall hosts$/m);
});

test('a provider user in no mapped group signs in as a viewer, without edit controls', async ({ page }) => {
  await signInAtProvider(page, 'u-bob');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${own!.url}/`);
  await expect(page.getByLabel('Signed in as')).toHaveText('bob');
  await expect(page.locator('[aria-label="host host1"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New export', exact: true })).toHaveCount(0);
  expect(await usersCommand(dataDir, ['list'])).toMatch(/^bob\tviewer\tall hosts$/m);
});

test('cancelling at the provider ends on /login with the reason in plain words, signed out', async ({ page }) => {
  await signInAtProvider(page, 'u-alice');
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page).toHaveURL(/\/login\?sso=denied$/);
  await expect(page.getByRole('alert').filter({ hasText: 'The sign-in provider did not sign you in' })).toBeVisible();
  await page.goto(`${own!.url}/`);
  await expect(page).toHaveURL(/\/login/);
});

test('a callback without the pending sign-in of this browser is refused and says so', async ({ page }) => {
  await page.goto(`${own!.url}/login/sso/callback?code=forged&state=forged&iss=${encodeURIComponent(provider!.issuer)}`);
  await expect(page).toHaveURL(/\/login\?sso=expired$/);
  await expect(page.getByRole('alert').filter({ hasText: 'expired or was started in another browser tab' })).toBeVisible();
});
