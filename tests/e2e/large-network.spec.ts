import { expect, test, type Page } from '@playwright/test';
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import { usersCommand } from './accounts';

// A console of its own on a generated network of 200 simulated hosts and 2,000 bindings, as
// `npm run -s sim -- generate --hosts 200 --bindings 2000` writes it.
test.describe.configure({ mode: 'serial' });

const root = path.resolve(import.meta.dirname, '../..');
const operator = { username: 'olga', password: 'a long enough password' };
let server: ResultPromise | undefined;
let url = '';
let dir = '';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// As accounts.ts signs in, with more time: the first page after it draws 200 hosts on a shared machine.
async function signIn(page: Page): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Username', { exact: true }).fill(operator.username);
  await page.getByLabel('Password', { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login$/, { timeout: 150_000 });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = await mkdtemp(path.join(tmpdir(), 'sy-e2e-large-'));
  const inventory = path.join(dir, 'net.json');
  await writeFile(inventory, JSON.stringify(generateSimInventory({ hosts: 200, bindings: 2000 })));
  await usersCommand(path.join(dir, 'data'), ['add', operator.username, '--role', 'operator', '--password-stdin'], `${operator.password}\n`);
  const port = await freePort();
  url = `http://localhost:${port}`;
  server = execa(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: { SWITCHYARD_INVENTORY: inventory, SWITCHYARD_DATA_DIR: path.join(dir, 'data'), SWITCHYARD_URL: '' },
    reject: false,
    all: true,
  });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/login`).then((r) => r.ok, () => false)) return;
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the console did not start: ${(await server).all}`);
});

test.afterAll(async () => {
  server?.kill();
  await server;
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a page with 200 simulated hosts renders them all, reachable, with their bindings', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const header = page.getByRole('banner');
  await expect(header).toContainText('200 hosts · 2000 bindings', { timeout: 60_000 });
  await expect(header).not.toContainText('unreachable');
  await expect(page.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[aria-label="host sim200"]')).toHaveCount(1);
  await expect(page.locator('[aria-label="binding web-0: sim001 eth0:20000 → c002:8080"]')).toHaveCount(1);
  await expect(page.locator('[aria-label="binding route-2: sim001 eth0:20002 → 10.2.0.2:30001"]')).toHaveCount(1);
});

test('a change made in one tab appears in another without a reload, pushed by the server', async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const other = await context.newPage();
  await other.goto(url);
  const before = '[aria-label="binding web-0: sim001 eth0:20000 → c002:8080"]';
  const after = '[aria-label="binding web-0: sim001 eth0:20000 → c003:8080"]';
  await expect(other.locator(before)).toHaveCount(1, { timeout: 60_000 });
  await other.evaluate(() => ((window as unknown as { beforeChange: boolean }).beforeChange = true));

  await page.goto(url);
  await page.locator(before).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Inspector: binding web-0' });
  const form = inspector.getByRole('form', { name: 'Rebind' });
  await form.getByLabel('Target', { exact: true }).fill('c003:8080');
  await form.getByRole('button', { name: 'Rebind', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Rebound web-0 on sim001 to c003:8080.');

  await expect(other.locator(after)).toHaveCount(1);
  await expect(other.locator(before)).toHaveCount(0);
  // Same document: nothing reloaded it.
  expect(await other.evaluate(() => (window as unknown as { beforeChange?: boolean }).beforeChange)).toBe(true);
});
