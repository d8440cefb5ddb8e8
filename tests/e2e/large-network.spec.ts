import { expect, test, type Page } from '@playwright/test';
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import { signIn, usersCommand } from './accounts';

// A console of its own on a generated network of 200 simulated hosts and 2,000 bindings, as
// `npm run -s sim -- generate --hosts 200 --bindings 2000` writes it.
test.describe.configure({ mode: 'serial' });

const root = path.resolve(import.meta.dirname, '../..');
const operator = { username: 'olga', password: 'a long enough password' };
let server: ResultPromise | undefined;
let url = '';
let dir = '';


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
    env: { SWITCHYARD_INVENTORY: inventory, SWITCHYARD_DATA_DIR: path.join(dir, 'data') },
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

/** Open hosts of the collapsed graph by their Expand buttons (drawn small at the fitted zoom). */
async function expand(page: Page, ...hosts: string[]): Promise<void> {
  for (const h of hosts) {
    await page.getByRole('button', { name: `Expand host ${h}`, exact: true }).dispatchEvent('click');
    await expect(page.getByRole('button', { name: `Collapse host ${h}`, exact: true })).toHaveCount(1);
  }
}

test('a page with 200 simulated hosts opens collapsed: every host, no more than about 500 nodes, parallel bindings bundled with their count', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, operator.username, operator.password, `${url}/login`);
  const header = page.getByRole('banner');
  await expect(header).toContainText('200 hosts · 2000 bindings', { timeout: 60_000 });
  await expect(header).not.toContainText('unreachable');
  await expect(page.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[aria-label="host sim200"]')).toHaveCount(1);
  const nodes = page.locator('.react-flow__node');
  expect(await nodes.count()).toBeLessThanOrEqual(500);
  // Zoomed out, the edges between collapsed hosts are drawn together, as one overview layer under the nodes.
  await expect(page.locator('[data-edge-overview] path').first()).toBeAttached();
  await expect(page.locator('.react-flow__edge[aria-label="4 bindings: sim001 → sim002"]')).toHaveCount(0);
  // Zoomed in over sim001, they are edges of their own: its three imports of its outside service are one bundle;
  // its three routes into sim002 and an export to sim002's container another.
  const sim001 = (await page.locator('[aria-label="host sim001"]').boundingBox())!;
  await page.mouse.move(sim001.x + sim001.width / 2, sim001.y + sim001.height / 2);
  for (let i = 0; i < 14; i++) await page.mouse.wheel(0, -120);
  await expect(page.locator('.react-flow__edge[aria-label="3 bindings: sim001 → svc001"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[aria-label="4 bindings: sim001 → sim002"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'fit view' }).click();
  await expect(page.locator('[data-edge-overview] path').first()).toBeAttached();

  // Opened, sim001 and sim002 show their insides: the export to c002 is drawn as itself, the routes are a bundle until it is opened.
  await expand(page, 'sim001', 'sim002');
  expect(await nodes.count()).toBeLessThanOrEqual(500);
  await expect(page.locator('[aria-label="binding web-0: sim001 eth0:20000 → c002:8080"]')).toHaveCount(1);
  const routes = page.locator('.react-flow__edge[aria-label="3 bindings: eth0 → 10.2.0.2"]');
  await expect(routes).toHaveCount(1);
  await routes.dispatchEvent('click');
  await expect(page.locator('[aria-label="binding route-2: sim001 eth0:20002 → 10.2.0.2:30001"]')).toHaveCount(1);
  // Zoomed in, bundles show their count as a label.
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'zoom in' }).click();
  await expect(page.locator('.react-flow__edgelabel-renderer').getByText(/^\d+ bindings$/).first()).toBeVisible();
});

test('a change made in one tab appears in another without a reload, pushed by the server', async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page, operator.username, operator.password, `${url}/login`);
  const other = await context.newPage();
  await other.goto(url);
  const before = '[aria-label="binding web-0: sim001 eth0:20000 → c002:8080"]';
  const after = '[aria-label="binding web-0: sim001 eth0:20000 → c003:8080"]';
  await expect(other.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 60_000 });
  await expand(other, 'sim001', 'sim002', 'sim003');
  await expect(other.locator(before)).toHaveCount(1, { timeout: 60_000 });
  await other.evaluate(() => ((window as unknown as { beforeChange: boolean }).beforeChange = true));

  await page.goto(url);
  await expect(page.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 60_000 });
  await expand(page, 'sim001', 'sim002');
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

test('while a large view is zoomed its overview is a picture of the lines, and the lines again once the view has settled', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, operator.username, operator.password, `${url}/login`);
  await expect(page.locator('[data-edge-overview] path').first()).toBeAttached({ timeout: 60_000 });
  // The picture is drawn once the browser is idle, a second after the lines last changed.
  await expect(page.locator('[data-overview][data-snapshot-ready]')).toHaveCount(1, { timeout: 30_000 });
  // What each frame shows, recorded in the page while the wheel zooms (a string: no test helpers exist in the page).
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = () => {
      const img = document.querySelector('[data-overview-snapshot]');
      const svg = document.querySelector('[data-edge-overview]');
      window.__frames.push({
        moving: Boolean(document.querySelector('.react-flow.graph-moving')),
        picture: Boolean(img) && getComputedStyle(img).display !== 'none' && img.naturalWidth > 0,
        lines: Boolean(svg) && getComputedStyle(svg).visibility !== 'hidden',
      });
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
  await expect(page.locator('.react-flow.graph-moving')).toHaveCount(0, { timeout: 10_000 });
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: { moving: boolean; picture: boolean; lines: boolean }[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const moving = frames.filter((f) => f.moving);
  expect(moving.length).toBeGreaterThan(0);
  // While moving: the picture, not the thousand paths. Settled: the paths, not the picture.
  expect(moving.some((f) => f.picture && !f.lines)).toBe(true);
  const last = frames.at(-1)!;
  expect(last).toEqual({ moving: false, picture: false, lines: true });
});
