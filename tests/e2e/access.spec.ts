import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import { e2eAccounts, signIn, usersCommand } from './accounts';
import { ConsolePage } from './console-page';
import { actionIdsIn, consoleOrigin, consolePort, rawRequest, sessionCookieOf } from './raw-request';

// Sign-in, first start, roles, the audit trail, and requests from elsewhere, on the embedded network.
// The tests build on each other in order; the last one removes the binding the first one made.
// Argon2id sign-ins on a shared machine are slow; these tests do several.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const dataDir = process.env.SWITCHYARD_E2E_DATA_DIR!;
const accounts = e2eAccounts(dataDir);
const adminState = path.join(`${dataDir}-browser`, 'admin.json');
const adminPassword = 'the admin chose this one';
const first = 'binding first: host2 eth0:2299 → a1:4422';
const signedOut = { cookies: [], origins: [] };

// Server action ids read from the JS chunks, and real admin requests captured from the browser.
const actionIds = new Map<string, string>();
const captured = new Map<string, { path: string; contentType: string; body: Buffer }>();

function watch(page: Page): void {
  page.on('response', async (r) => {
    if (/\/_next\/static\/chunks\/.*\.js$/.test(r.url())) for (const [name, id] of actionIdsIn(await r.text().catch(() => ''))) actionIds.set(name, id);
  });
  page.on('request', (r: Request) => {
    const id = r.headers()['next-action'];
    const name = [...actionIds].find(([, v]) => v === id)?.[0];
    if (id && name && !captured.has(name)) captured.set(name, { path: new URL(r.url()).pathname, contentType: r.headers()['content-type'], body: r.postDataBuffer() ?? Buffer.alloc(0) });
  });
}

/** POST a server action as a script would: the console's own Origin unless told otherwise. */
function postAction(name: string, pathName: string, body: string | Buffer, headers: Record<string, string>, contentType = 'text/plain;charset=UTF-8') {
  const id = actionIds.get(name);
  if (!id) throw new Error(`no server action id found for ${name}`);
  return rawRequest('POST', pathName, { 'next-action': id, 'content-type': contentType, accept: 'text/x-component', host: `localhost:${consolePort()}`, origin: consoleOrigin(), ...headers }, body);
}

const bindingActions = (revision: number): [string, unknown][] => [
  ['previewBinding', { kind: 'export', host: 'host2', iface: 'eth0', port: '2298', proto: 'tcp', target: 'a1:4422', id: 'intruder', masquerade: true }],
  ['createBinding', { kind: 'export', host: 'host2', iface: 'eth0', port: '2298', proto: 'tcp', target: 'a1:4422', id: 'intruder', masquerade: true }],
  ['rebindAction', { host: 'host2', id: 'first', target: '192.168.4.4:2211', revision }],
  ['removeAction', { host: 'host2', id: 'first', revision }],
  ['previewRebindAction', { host: 'host2', id: 'first', target: '192.168.4.4:2211' }],
  ['exposeAction', { host: 'host1', cidr: '10.2.9.9/16', bridge: 'weave', name: '' }],
];
const adminActions = ['addUserAction', 'updateUserAction', 'resetPasswordAction', 'createTokenAction', 'revokeTokenAction', 'removeUserAction'];

/** The network as the admin sees it now: `first` as it was, no intruder binding, no new exposed address. */
async function expectNetworkUnchanged(page: Page) {
  const c = new ConsolePage(page);
  await c.open();
  await expect(c.edge(first)).toHaveCount(1);
  await expect(c.edges()).toHaveCount(1);
  await expect(page.locator('[aria-label="host host1"]')).not.toContainText('10.2.9.9');
}

test('first start: the initial admin password from the data dir, a forced change, then a binding seen in /audit with its author', async ({ browser }) => {
  const context = await browser.newContext({ storageState: signedOut });
  const page = await context.newPage();
  watch(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  const initial = readFileSync(path.join(dataDir, 'initial-admin-password'), 'utf8').trim();
  await signIn(page, 'admin', initial);
  await expect(page).toHaveURL(/\/change-password$/);
  // Nothing else until the password is changed.
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('New password', { exact: true }).fill('too short');
  await page.getByLabel('Confirm new password', { exact: true }).fill('too short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('form', { name: 'Change password' }).getByRole('alert')).toContainText('New password: must be at least 12 characters');
  await page.getByLabel('New password', { exact: true }).fill(adminPassword);
  await page.getByLabel('Confirm new password', { exact: true }).fill(adminPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel('Signed in as')).toHaveText('admin');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(existsSync(path.join(dataDir, 'initial-admin-password'))).toBe(false);

  const c = new ConsolePage(page);
  await c.open();
  await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2299', target: 'a1:4422', id: 'first' });
  await expect(c.edge(first)).toHaveCount(1);

  await page.getByRole('link', { name: 'Audit' }).click();
  const row = page.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ hasText: 'first' }).first();
  await expect(row).toContainText('admin');
  await expect(row).toContainText('export');
  await expect(row).toContainText('host2');
  await expect(row).toContainText('— → a1:4422');
  await expect(row).toContainText('ok');
  await page.getByLabel('User', { exact: true }).fill('nobody');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('Nothing recorded that matches.')).toBeVisible();
  await context.storageState({ path: adminState });

  // The old password no longer works.
  const other = await browser.newContext({ storageState: signedOut });
  const p2 = await other.newPage();
  await p2.goto('/login');
  await p2.getByLabel('Username', { exact: true }).fill('admin');
  await p2.getByLabel('Password', { exact: true }).fill(initial);
  await p2.getByRole('button', { name: 'Sign in' }).click();
  await expect(p2.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText('Wrong username or password');
  await other.close();
  await context.close();
});

test('an admin manages users and API tokens on /admin', async ({ browser }) => {
  const context = await browser.newContext({ storageState: adminState });
  const page = await context.newPage();
  watch(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const add = page.getByRole('form', { name: 'Add a user' });
  await add.getByLabel('Username').fill('carol');
  await add.getByLabel('Role').selectOption('operator');
  await add.getByLabel('Password (empty: generate one)').fill('carol password 1');
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add.getByRole('status')).toContainText('Created carol (operator).');

  const carol = page.getByRole('listitem', { name: 'User carol' });
  const roleForm = carol.getByRole('form', { name: 'Role and hosts of carol' });
  await roleForm.getByLabel('Role').selectOption('viewer');
  await roleForm.getByLabel(/^Hosts/).fill('host1');
  await roleForm.getByRole('button', { name: 'Save' }).click();
  await expect(roleForm.getByRole('status')).toContainText('carol is now viewer of host1.');

  const reset = carol.getByRole('form', { name: 'Reset the password of carol' });
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('status')).toContainText('New password for carol');
  await expect(reset.getByLabel('Shown once')).toHaveText(/^[A-Za-z0-9]{20}$/);

  const tokenForm = page.getByRole('form', { name: 'Create an API token' });
  await tokenForm.getByLabel('For user').selectOption('carol');
  await tokenForm.getByLabel('Label').fill('e2e');
  await tokenForm.getByRole('button', { name: 'Create token' }).click();
  await expect(tokenForm.getByLabel('Shown once')).toHaveText(/^syt_/);
  const token = page.getByRole('listitem', { name: /^Token \d+$/ }).filter({ hasText: 'carol' });
  await expect(token).toHaveCount(1);
  await token.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('listitem', { name: /^Token \d+$/ })).toHaveCount(0);

  await carol.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('listitem', { name: 'User carol' })).toHaveCount(0);
  for (const name of adminActions) expect(captured.has(name), `captured ${name}`).toBe(true);
  await context.close();
});

test('a viewer sees no edit controls, and a direct POST of each action with their cookie is refused and changes nothing', async ({ browser }) => {
  const context = await browser.newContext({ storageState: accounts.viewer.state });
  const page = await context.newPage();
  watch(page);
  const c = new ConsolePage(page);
  await c.open();
  await expect(c.edge(first)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'New export' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Expose host' })).toHaveCount(0);
  await expect(page.locator('.react-flow__edgeupdater')).toHaveCount(0);
  await expect(page.locator('form')).toHaveCount(1);
  await c.select(first);
  const inspector = page.getByRole('region', { name: 'Inspector: binding first' });
  await expect(inspector).toContainText('You are a viewer');
  await expect(inspector.locator('dt', { hasText: /^Revision$/ }).locator('+ dd')).toHaveText('1'); // its revision, used below
  await expect(page.getByRole('form', { name: 'Rebind' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove binding' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByText('needs the admin role')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a user' })).toHaveCount(0);
  await context.close();

  // A client cannot choose the address the audit trail records for it.
  const viewer = { cookie: sessionCookieOf(accounts.viewer.state), 'x-switchyard-peer': '6.6.6.6' };
  const admin = { cookie: sessionCookieOf(adminState) };
  const revision = 1;
  // The request format is right: the same preview with the admin's cookie is answered.
  const sane = await postAction('previewBinding', '/', JSON.stringify([bindingActions(revision)[0][1]]), admin);
  expect(sane.body).toContain('Plan for host2');

  for (const [name, input] of bindingActions(revision)) {
    const r = await postAction(name, '/', JSON.stringify([input]), viewer);
    expect(r.body, name).toContain('victor (viewer): this needs the operator role');
  }
  // Replay the admin's real requests with the viewer's cookie: first adding carol again…
  const add = captured.get('addUserAction')!;
  expect((await postAction('addUserAction', add.path, add.body, viewer, add.contentType)).body).toContain('needs the admin role');
  expect(await usersCommand(dataDir, ['list'])).not.toContain('carol');
  // …then changing a carol who exists, and her token.
  await usersCommand(dataDir, ['add', 'carol', '--role', 'operator', '--password-stdin'], 'carol password 1\n');
  await usersCommand(dataDir, ['token', 'carol']);
  for (const name of adminActions.filter((n) => n !== 'addUserAction')) {
    const req = captured.get(name)!;
    const r = await postAction(name, req.path, req.body, viewer, req.contentType);
    expect(r.body, name).toContain('victor (viewer): this needs the admin role');
  }
  expect(await usersCommand(dataDir, ['list'])).toMatch(/^carol\toperator\tall hosts$/m);

  const adminContext = await browser.newContext({ storageState: adminState });
  const adminPage = await adminContext.newPage();
  await expectNetworkUnchanged(adminPage);
  await adminPage.goto('/admin');
  await expect(adminPage.getByRole('listitem', { name: /^Token \d+$/ })).toHaveCount(1);
  // Refusals are in the audit trail, with the viewer's name.
  await adminPage.goto('/audit?user=victor');
  const refusals = adminPage.getByRole('table', { name: 'Audit trail' }).getByRole('row').filter({ hasText: 'refused' });
  await expect(refusals).toHaveCount(bindingActions(revision).length + adminActions.length);
  await expect(refusals.first()).toContainText('127.0.0.1');
  await expect(adminPage.getByRole('table', { name: 'Audit trail' })).not.toContainText('6.6.6.6');
  await adminContext.close();
});

test('anonymous direct POSTs to every action change nothing', async ({ browser }) => {
  for (const [name, input] of bindingActions(1)) {
    const r = await postAction(name, '/', JSON.stringify([input]), {});
    expect(r.body, name).toContain('Sign in first');
  }
  // Reads are refused too: a binding's rules and its history from the audit trail.
  for (const name of ['bindingRulesAction', 'bindingHistoryAction']) {
    const r = await postAction(name, '/', JSON.stringify([{ host: 'host2', id: 'first' }]), {});
    expect(r.body, name).toContain('Sign in first');
    expect(r.body, name).not.toContain('"entries"');
  }
  // A user's kept positions come only with the console page, which needs a session; saving them (it changes the store) is refused.
  {
    const r = await postAction('savePositionsAction', '/', JSON.stringify([{ 'host:host2': { x: 1, y: 2 } }]), {});
    expect(r.body).not.toContain('Positions kept');
  }
  for (const name of adminActions) {
    const req = captured.get(name)!;
    expect((await postAction(name, req.path, req.body, {}, req.contentType)).body, name).toContain('Sign in first');
  }
  expect(await usersCommand(dataDir, ['list'])).toMatch(/^carol\toperator\tall hosts$/m);
  const page = await (await browser.newContext({ storageState: adminState })).newPage();
  await expectNetworkUnchanged(page);
  await page.goto('/admin');
  await expect(page.getByRole('listitem', { name: /^Token \d+$/ })).toHaveCount(1);
  await page.context().close();
});

test('a POST with a foreign or missing Origin, or a foreign Host, is refused; every response carries the security headers', async ({ browser }) => {
  const operator = { cookie: sessionCookieOf(accounts.operator.state) };
  const create = JSON.stringify([bindingActions(1)[1][1]]);
  const foreignOrigin = await postAction('createBinding', '/', create, { ...operator, origin: 'http://evil.example' });
  expect(foreignOrigin.status).toBe(403);
  const noOrigin = await postAction('createBinding', '/', create, { ...operator, origin: '' });
  expect(noOrigin.status).toBe(403);
  const rebinding = await postAction('createBinding', '/', create, { ...operator, host: `evil.example:${consolePort()}`, origin: `http://evil.example:${consolePort()}` });
  expect(rebinding.status).toBe(403);
  expect(rebinding.body).toContain('does not answer to the name');
  const foreignGet = await rawRequest('GET', '/login', { host: 'evil.example' });
  expect(foreignGet.status).toBe(403);
  // The same request from the console's own origin goes through (a preview, which changes nothing).
  expect((await postAction('previewBinding', '/', JSON.stringify([bindingActions(1)[0][1]]), operator)).body).toContain('Plan for host2');

  for (const pathName of ['/', '/login', '/audit']) {
    const r = await rawRequest('GET', pathName, { host: `localhost:${consolePort()}`, ...operator });
    expect(r.headers['content-security-policy'], pathName).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-content-type-options'], pathName).toBe('nosniff');
    expect(r.headers['referrer-policy'], pathName).toBeTruthy();
    expect(r.headers['x-powered-by'], pathName).toBeUndefined();
  }
  const page = await (await browser.newContext({ storageState: adminState })).newPage();
  await expectNetworkUnchanged(page);
  await page.context().close();
});

test('an operator limited to host1 may change host1 only; other hosts are drawn read-only', async ({ browser }) => {
  await usersCommand(dataDir, ['add', 'lena', '--role', 'operator', '--hosts', 'host1', '--password-stdin'], 'lena password 12\n');
  const context = await browser.newContext({ storageState: signedOut });
  const page = await context.newPage();
  await signIn(page, 'lena', 'lena password 12');
  const c = new ConsolePage(page);
  await c.open();
  await c.select(first);
  await expect(page.getByRole('region', { name: 'Inspector: binding first' })).toContainText('You may not change host2');
  await expect(page.locator('.react-flow__edgeupdater')).toHaveCount(0);
  await page.getByRole('button', { name: 'New export' }).click();
  const hosts = page.getByRole('form', { name: 'New export' }).getByLabel('Host', { exact: true }).locator('option');
  await expect(hosts).toHaveText(['Choose a host…', 'host1']);
  await context.close();
});

test('signing out ends the session on the server; the admin removes the first binding', async ({ browser }) => {
  const context = await browser.newContext({ storageState: adminState });
  const page = await context.newPage();
  const c = new ConsolePage(page);
  await c.open();
  await c.select(first);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  await page.getByRole('group', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(c.edge(first)).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The old cookie is worth nothing now.
  const r = await rawRequest('GET', '/audit', { host: `localhost:${consolePort()}`, cookie: sessionCookieOf(adminState) });
  expect(r.status).toBe(307);
  await context.close();
});
