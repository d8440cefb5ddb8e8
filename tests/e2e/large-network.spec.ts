import { expect, test } from '@playwright/test';
import { signIn } from './accounts';
import { startOwnConsole, type OwnConsole } from './own-console';

// 200 simulated hosts holding 2,000 bindings, on a console of its own: the graph opens collapsed.
test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

let net: OwnConsole;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  net = await startOwnConsole({ hosts: 200, bindings: 2000 });
});
test.afterAll(async () => net?.stop());

test('opens collapsed: no more than about 500 nodes, parallel bindings bundled and labelled with their count', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, net.user.username, net.user.password, `${net.url}login`);
  await page.goto(net.url);
  await expect(page.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('200 hosts')).toBeVisible();
  const nodes = page.locator('.react-flow__node');
  expect(await nodes.count()).toBeLessThanOrEqual(500);
  await expect(page.getByRole('button', { name: 'Expand host sim001' })).toBeVisible();

  // sim001's three imports of its outside service are one bundle; its routes into sim002 and an export to sim002's container another.
  await expect(page.locator('.react-flow__edge[aria-label="3 bindings: sim001 → svc001"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[aria-label="4 bindings: sim001 → sim002"]')).toHaveCount(1);
  // Zoomed in, the bundle's label shows the count.
  await page.getByRole('button', { name: 'Expand host sim001' }).click();
  await expect(page.getByRole('button', { name: 'Collapse host sim001' })).toBeVisible();
  expect(await nodes.count()).toBeLessThanOrEqual(500);
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'zoom in' }).click();
  await expect(page.locator('.react-flow__edgelabel-renderer').getByText(/^\d+ bindings$/).first()).toBeVisible();
});
