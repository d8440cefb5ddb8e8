import { expect, test, type Locator, type Page } from '@playwright/test';
import { startSeededConsole, type SeededConsole } from './seeded-console';

// The bindings table beside the graph, on a console of its own with 200 simulated hosts and 2,000
// bindings: one selection shared by the table, the graph and the inspector.
test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

let own: SeededConsole;
let page: Page;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(360_000);
  own = await startSeededConsole({ hosts: 200, bindings: 2000 });
  // One sign-in for the file, with time to spare: the console is busy starting 200 hosts' sessions.
  page = await browser.newPage();
  await page.goto(`${own.url}login`);
  await page.getByLabel('Username', { exact: true }).fill(own.user.username);
  await page.getByLabel('Password', { exact: true }).fill(own.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login$/, { timeout: 180_000 });
});
test.afterAll(async () => {
  await page?.close();
  await own?.stop();
});

/** A fresh page load of the console: nothing selected, no search, hosts collapsed. */
async function open(): Promise<Locator> {
  await page.goto(own.url);
  await expect(page.getByRole('banner')).toContainText('200 hosts · 2000 bindings', { timeout: 60_000 });
  await expect(page.locator('[aria-label="host sim001"]')).toBeVisible({ timeout: 60_000 });
  return page.getByRole('table', { name: 'Bindings' });
}

/** The table's body rows as drawn (the window of rows on screen, not all of them). */
const drawnRows = (table: Locator) => table.locator('tbody tr[data-key]');

/** Whether `inner` lies wholly inside `outer` on screen. */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  return Boolean(a && b && a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1);
}

test('lists 2,000 bindings drawing only the rows on screen; search finds one, and selecting its row selects, centres and inspects it in the graph', async () => {
  test.setTimeout(180_000);
  const table = await open();
  await expect(table).toHaveAttribute('aria-rowcount', '2001');
  const drawn = await drawnRows(table).count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(100);

  await page.getByLabel('Search', { exact: true }).fill('sim137 route-5');
  await expect(drawnRows(table)).toHaveCount(1);
  const row = drawnRows(table).first();
  await expect(row).toHaveAttribute('data-key', 'binding:sim137/route-5');
  await expect(row).toContainText('eth0 · tcp · 20005');
  await expect(page.getByText('1 of 2000 bindings')).toBeVisible();

  // The machine running the tests may be busy: the click waits for the page to take it.
  await row.click({ timeout: 60_000 });
  await expect(row).toHaveAttribute('aria-current', 'true');
  const inspector = page.getByRole('region', { name: 'Inspector: binding route-5' });
  await expect(inspector).toContainText('sim137');
  await expect(inspector).toContainText('eth0:20005 (tcp)');
  // sim137 and sim138 were collapsed: selecting opened them and the bundle of routes between them, and centred the edge.
  const edge = page.locator('.react-flow__edge[data-id="binding:sim137/route-5"]');
  await expect(edge).toHaveClass(/selected/);
  await expect(edge).toHaveAttribute('aria-label', 'binding route-5: sim137 eth0:20005 → 10.2.0.138:30001');
  await expect.poll(() => within(edge, page.getByRole('region', { name: 'Network graph' }))).toBe(true);
});

test('clicking an edge in the graph selects its row and scrolls the table to it', async () => {
  test.setTimeout(180_000);
  const table = await open();
  // Both ends open, so web-0 is drawn as itself (to a collapsed sim138 it would be part of a bundle).
  for (const h of ['sim137', 'sim138']) {
    await page.getByRole('button', { name: `Expand host ${h}`, exact: true }).dispatchEvent('click');
    await expect(page.getByRole('button', { name: `Collapse host ${h}`, exact: true })).toHaveCount(1);
  }
  const edge = page.locator('.react-flow__edge[aria-label="binding web-0: sim137 eth0:20000 → c138:8080"]');
  await expect(edge).toHaveCount(1);
  const key = 'binding:sim137/web-0';
  // Sorted by host, sim137's rows are far down the table: not drawn yet.
  await expect(table.locator(`tr[data-key="${key}"]`)).toHaveCount(0);

  await edge.focus();
  await page.keyboard.press('Enter');
  await expect(edge).toHaveClass(/selected/);
  const row = table.locator(`tr[data-key="${key}"]`);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => within(row, page.getByRole('region', { name: 'Bindings table' }))).toBe(true);
  await expect(page.getByRole('region', { name: 'Inspector: binding web-0' })).toContainText('sim137');
});

test('sorts by a column when its header is clicked, both ways, and says so with aria-sort', async () => {
  test.setTimeout(120_000);
  const table = await open();
  const host = table.getByRole('columnheader', { name: 'Host' });
  const id = table.getByRole('columnheader', { name: 'Id' });
  await expect(host).toHaveAttribute('aria-sort', 'ascending');
  await expect(drawnRows(table).first()).toHaveAttribute('data-key', 'binding:sim001/db-1');

  await id.getByRole('button').click();
  await expect(id).toHaveAttribute('aria-sort', 'ascending');
  await expect(host).toHaveAttribute('aria-sort', 'none');
  await id.getByRole('button').click();
  await expect(id).toHaveAttribute('aria-sort', 'descending');
  // web-9 after web-10 would be text order; numbers in ids compare as numbers.
  await expect(drawnRows(table).first()).toHaveAttribute('data-key', 'binding:sim001/web-9');

  // Several terms narrow together: a kind, a state and a host.
  await page.getByLabel('Search', { exact: true }).fill('import active sim002');
  await expect(drawnRows(table)).toHaveCount(3);
  await expect(page.getByText('3 of 2000 bindings')).toBeVisible();
});
