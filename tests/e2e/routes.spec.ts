import { expect, test, type Page } from '@playwright/test';
import { signIn } from './accounts';
import { ConsolePage } from './console-page';
import { startSeededConsole, type SeededConsole } from './seeded-console';

// Routes in one step, removing both halves, and hiding an exposed address, on a console of their
// own (the embedded seed network, fresh data): the tests build on each other in order.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });

let own: SeededConsole;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  own = await startSeededConsole(null);
});
test.afterAll(async () => own?.stop());

const routeExport = 'binding h3-route: host2 eth0:4433 → 10.2.1.3:2211';
const routeImport = 'binding h3-route-in: host1 10.2.1.3:2211 → 192.168.1.3:2211';

async function openConsole(page: Page): Promise<ConsolePage> {
  await signIn(page, own.user.username, own.user.password, `${own.url}login`);
  const c = new ConsolePage(page);
  await c.open(own.url);
  return c;
}

/** Fill the New route form for HOST3's service entering at host2 eth0:PORT, take the suggested import front, and preview. */
async function planRoute(page: Page, port: string) {
  await page.getByRole('button', { name: 'New route', exact: true }).click();
  const form = page.getByRole('form', { name: 'New route' });
  await form.getByLabel('Entry host', { exact: true }).selectOption('host2');
  await form.getByLabel('Interface', { exact: true }).fill('eth0');
  await form.getByLabel('Port', { exact: true }).fill(port);
  await form.getByLabel('Service', { exact: true }).selectOption('192.168.1.3:2211');
  // Only host1 reaches HOST3: it is chosen, with its exposed address and a free port.
  await expect(form.getByLabel('Import through', { exact: true })).toHaveValue('host1');
  await expect(form.getByLabel('Exposed address', { exact: true })).toHaveValue('10.2.1.3');
  await expect(form.getByLabel('Exposed port', { exact: true })).toHaveValue('2211');
  await form.getByLabel('Id', { exact: true }).fill('h3-route');
  await form.getByRole('button', { name: 'Preview plan' }).click();
  return form;
}

/** Plan and create the route h3-route from its form (host2 eth0:4433 → host1's import of HOST3's service). */
async function createRoute(page: Page, c: ConsolePage) {
  const form = await planRoute(page, '4433');
  await expect(form.getByRole('region', { name: 'Plan' })).toHaveCount(2);
  await form.getByRole('button', { name: 'Create route' }).click();
  await expect(c.edge(routeExport)).toHaveCount(1);
}

/** The bindings a host holds, through the JSON API with the page's session. */
async function bindingIds(page: Page, host: string): Promise<string[]> {
  const r = await page.request.get(`${own.url}api/v1/bindings?host=${host}`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { bindings: { id: string }[] }).bindings.map((b) => b.id).sort();
}

test('a route created from its form can be undone: the export, then the import, go again and nothing is left on either host', async ({ page }) => {
  const c = await openConsole(page);
  await createRoute(page, c);
  expect(await bindingIds(page, 'host1')).toEqual(['h3-route-in']);
  expect(await bindingIds(page, 'host2')).toEqual(['h3-route']);

  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Created h3-route-in on host1 and h3-route on host2');
  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Undone: Removed h3-route from host2. Removed h3-route-in from host1.');
  await expect(c.edges()).toHaveCount(0);
  expect(await bindingIds(page, 'host1')).toEqual([]);
  expect(await bindingIds(page, 'host2')).toEqual([]);
  // Each removal is audited as an undo.
  await page.goto(`${own.url}audit`);
  await expect(page.getByRole('cell', { name: 'remove (undo)', exact: true })).toHaveCount(2);
});

test('creates a route from its form after showing both hosts’ plans; selecting it lights both halves', async ({ page }) => {
  const c = await openConsole(page);
  const form = await planRoute(page, '4433');
  await expect(form.getByRole('region', { name: 'Plan' })).toHaveCount(2);
  await expect(form.getByRole('region', { name: 'Plan' }).nth(0)).toContainText('Plan on host1');
  await expect(form.getByRole('region', { name: 'Plan' }).nth(0)).toContainText('--to-destination 192.168.1.3:2211');
  await expect(form.getByRole('region', { name: 'Plan' }).nth(1)).toContainText('Plan on host2');
  await expect(form.getByRole('region', { name: 'Plan' }).nth(1)).toContainText('--to-destination 10.2.1.3:2211');
  await expect(c.edges()).toHaveCount(0);
  await form.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByRole('status')).toContainText('Created route h3-route: export h3-route on host2 → import h3-route-in on host1.');
  await expect(c.edge(routeExport)).toHaveCount(1);
  await expect(c.edge(routeImport)).toHaveCount(1);
  // The form selected the new route: its whole path is lit, and the kernel holds it.
  await expect(c.edge(routeExport)).toHaveClass(/route-lit/);
  await expect(c.edge(routeImport)).toHaveClass(/route-lit/);
  await expect(page.getByRole('region', { name: 'Inspector: binding h3-route' })).toContainText('active');
  expect(await bindingIds(page, 'host1')).toEqual(['h3-route-in']);
  expect(await bindingIds(page, 'host2')).toEqual(['h3-route']);
});

test('refuses to hide an exposed address a route uses, saying which bindings use it', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('button', { name: 'Expose host', exact: true }).click();
  await page.getByRole('button', { name: 'Hide 10.2.1.3/16 on host1' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm hide' });
  await expect(confirm).toContainText('still used by h3-route-in (import on host1), h3-route (export on host2)');
  await confirm.getByRole('button', { name: 'Hide address' }).click();
  const alert = page.getByRole('region', { name: 'Exposed addresses' }).getByRole('alert');
  await expect(alert).toHaveText('Nothing changed: 10.2.1.3 on host1 is still used by h3-route-in (import on host1), h3-route (export on host2). Remove or rebind them first.');
  // Said once: not repeated in the status line.
  await expect(page.getByText(/is still used by/)).toHaveCount(2); // the confirmation's warning and the refusal
  await expect(page.getByRole('status')).not.toContainText('still used');
  await expect(page.locator('[aria-label="exposed 10.2.1.3"]')).toBeVisible();
});

test('removing one half of a route offers to remove both, and Remove both leaves neither', async ({ page }) => {
  const c = await openConsole(page);
  await c.select(routeImport);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm removal' });
  await expect(confirm).toContainText('It is part of a route with h3-route on host2.');
  await confirm.getByRole('button', { name: 'Remove both' }).click();
  await expect(page.getByRole('status')).toContainText('Removed h3-route from host2 and h3-route-in from host1.');
  await expect(c.edges()).toHaveCount(0);
  expect(await bindingIds(page, 'host1')).toEqual([]);
  expect(await bindingIds(page, 'host2')).toEqual([]);

  // Undo makes both again as one change, the import first, each audited as an undo.
  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Removed h3-route from host2 and h3-route-in from host1');
  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Undone: Re-created h3-route-in on host1 and h3-route on host2.');
  await expect(c.edges()).toHaveCount(2);
  expect(await bindingIds(page, 'host1')).toEqual(['h3-route-in']);
  expect(await bindingIds(page, 'host2')).toEqual(['h3-route']);
  await c.select(routeExport);
  const history = page.getByRole('region', { name: 'Inspector: binding h3-route' }).getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('export (undo)');

  // Removed again, for the tests that follow.
  await page.getByRole('button', { name: 'Remove binding' }).click();
  await page.getByRole('group', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove both' }).click();
  await expect(c.edges()).toHaveCount(0);
  expect(await bindingIds(page, 'host2')).toEqual([]);
});

test('a half-done Remove both says which half is gone and which remains, and its Undo makes the removed half again', async ({ page }) => {
  const c = await openConsole(page);
  await createRoute(page, c);
  await page.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Dismiss' }).click();

  // This page stops hearing of changes (its event stream never answers), and meanwhile someone
  // else moves the import on: the page still holds the import's older revision.
  await page.route('**/api/events**', () => {});
  await page.reload();
  await expect(c.edge(routeImport)).toHaveCount(1);
  const moved = await page.request.put(`${own.url}api/v1/hosts/host1/bindings/h3-route-in`, {
    data: { target: '192.168.4.4:2211', revision: 1 },
    headers: { origin: new URL(own.url).origin },
  });
  expect(moved.status()).toBe(200);

  await c.select(routeExport);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm removal' });
  await expect(confirm).toContainText('It is part of a route with h3-route-in on host1.');
  await confirm.getByRole('button', { name: 'Remove both' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Removed h3-route from host2, but host1 refused to remove h3-route-in:');
  await expect(status).toContainText('Still there: h3-route-in on host1.');
  expect(await bindingIds(page, 'host2')).toEqual([]);
  expect(await bindingIds(page, 'host1')).toEqual(['h3-route-in']);
  await expect(c.edge(routeExport)).toHaveCount(0);
  await expect(c.edge('binding h3-route-in: host1 10.2.1.3:2211 → 192.168.4.4:2211')).toHaveCount(1);

  // The undo offers back what went: the export, aimed at the import's front as before.
  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Removed h3-route from host2');
  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(status).toContainText('Undone: Created export h3-route on host2.');
  await expect(c.edge(routeExport)).toHaveCount(1);
  expect(await bindingIds(page, 'host2')).toEqual(['h3-route']);
  expect(await bindingIds(page, 'host1')).toEqual(['h3-route-in']);

  // Both removed again (through the API), for the tests that follow.
  await page.unroute('**/api/events**');
  for (const [host, id] of [['host2', 'h3-route'], ['host1', 'h3-route-in']] as const) {
    const list = (await (await page.request.get(`${own.url}api/v1/bindings?host=${host}`)).json()) as { bindings: { id: string; revision: number }[] };
    const revision = list.bindings.find((b) => b.id === id)!.revision;
    const gone = await page.request.delete(`${own.url}api/v1/hosts/${host}/bindings/${id}?revision=${revision}`, { headers: { origin: new URL(own.url).origin } });
    expect(gone.status()).toBe(200);
  }
  expect(await bindingIds(page, 'host1')).toEqual([]);
  expect(await bindingIds(page, 'host2')).toEqual([]);
});

test('when the entry host refuses the export, the import is removed again and nothing remains on either host', async ({ page }) => {
  const c = await openConsole(page);
  const form = await planRoute(page, '2211');
  await expect(form.getByRole('region', { name: 'Plan' })).toHaveCount(2);
  // Meanwhile someone else takes host2's eth0:2211 (through the API, with this session).
  const taken = await page.request.post(`${own.url}api/v1/hosts/host2/bindings`, {
    data: { kind: 'export', iface: 'eth0', port: 2211, proto: 'tcp', target: 'a1:4422', id: 'web' },
    headers: { origin: new URL(own.url).origin },
  });
  expect(taken.status()).toBe(201);
  await form.getByRole('button', { name: 'Create route' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Nothing changed: host2 refused the export.');
  await expect(alert).toContainText('already bound by "web"');
  await expect(alert).toContainText('The import made first on host1 was removed again.');
  // Said once, in the form's alert.
  await expect(page.getByText(/host2 refused the export/)).toHaveCount(1);
  expect(await bindingIds(page, 'host1')).toEqual([]);
  expect(await bindingIds(page, 'host2')).toEqual(['web']);
  await page.reload();
  await expect(c.edges()).toHaveCount(1);
  await expect(page.locator('[aria-label^="binding h3-route"]')).toHaveCount(0);
});

test('hides an exposed address no binding uses, after confirmation', async ({ page }) => {
  const c = await openConsole(page);
  await c.exposeHost('host2', '10.2.1.133/16');
  await expect(page.locator('[aria-label="exposed 10.2.1.133"]')).toBeVisible();
  await page.getByRole('button', { name: 'Expose host', exact: true }).click();
  await page.getByRole('button', { name: 'Hide 10.2.1.133/16 on host2' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm hide' });
  await expect(confirm).not.toContainText('still used');
  await confirm.getByRole('button', { name: 'Hide address' }).click();
  await expect(page.getByRole('status')).toContainText('host2 no longer exposes 10.2.1.133/16.');
  await expect(page.locator('[aria-label="exposed 10.2.1.133"]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[aria-label="host host2"]')).toBeVisible();
  await expect(page.locator('[aria-label="exposed 10.2.1.133"]')).toHaveCount(0);
});
