import { expect, test } from '@playwright/test';
import { e2eAccounts, signIn } from './accounts';
import { ConsolePage } from './console-page';
import { startSeededConsole, type SeededConsole } from './seeded-console';
import { labelCollisions } from './label-collisions';

const accounts = e2eAccounts(process.env.SWITCHYARD_E2E_DATA_DIR!);

// One embedded simulated network serves the whole file; the tests build on each other in order.
test.describe.configure({ mode: 'serial' });

const web = 'binding web: host2 eth0:2211 → a1:4422';
const h3 = 'binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211';
const h3OnHost4 = 'binding h3: host1 10.2.1.3:3322 → 192.168.4.4:2211';
const route = 'binding route-h3: host2 eth0:4433 → 10.2.1.3:3322';

test('creates an export from the form, after showing its plan', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await expect(c.edges()).toHaveCount(0);
  const form = await c.planBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
  const plan = form.getByRole('region', { name: 'Plan' });
  await expect(plan).toContainText('Plan on host2');
  await expect(plan).toContainText('-j DNAT --to-destination 10.2.1.1:4422');
  // The plan changed nothing yet.
  await expect(c.edges()).toHaveCount(0);
  await form.getByRole('button', { name: 'Create export' }).click();
  await expect(c.edge(web)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Created export web on host2.');
});

test('imports host3 onto the overlay and routes it from host2:4433; selecting the route lights the whole path', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
  await expect(c.edge(h3)).toHaveCount(1);
  await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
  await expect(c.edge(route)).toHaveCount(1);

  await c.select(route);
  await expect(c.edge(route)).toHaveClass(/route-lit/);
  await expect(c.edge(h3)).toHaveClass(/route-lit/);
  await expect(c.edge(web)).not.toHaveClass(/route-lit/);
  const inspector = page.getByRole('region', { name: 'Inspector: binding route-h3' });
  await expect(inspector).toContainText('eth0:4433 (tcp)');
  await expect(inspector).toContainText('active');
  await expect(inspector).toContainText('--to-destination 10.2.1.3:3322');
});

test('bad input shows an alert naming the field and changes nothing', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  const before = await c.edges().count();
  const form = await c.planBinding('export', { host: 'host2', front: 'eth0', port: '99999', target: 'a1:4422', id: 'bad' });
  await expect(form.getByRole('alert')).toContainText('Port: must be a port number from 1 to 65535');
  await expect(form.getByLabel('Port', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('button', { name: 'Create export' })).toBeDisabled();

  // A target the host cannot resolve: the host refuses, and says which field.
  await form.getByLabel('Port', { exact: true }).fill('2299');
  await form.getByLabel('Target', { exact: true }).fill('nowhere:80');
  await form.getByRole('button', { name: 'Preview plan' }).click();
  await expect(form.getByRole('alert')).toContainText('Target: cannot resolve "nowhere"');
  // A front already bound: a conflict naming the port.
  await form.getByLabel('Port', { exact: true }).fill('2211');
  await form.getByLabel('Target', { exact: true }).fill('a1:4422');
  await form.getByRole('button', { name: 'Preview plan' }).click();
  await expect(form.getByRole('alert')).toContainText('already bound by "web"');

  await page.reload();
  await expect(c.edge(web)).toHaveCount(1);
  await expect(c.edges()).toHaveCount(before);
});

test('rebinds the import by dragging its target end onto host4; a drop host2 cannot reach is refused', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  // host2 cannot reach host4: the drop is refused before it happens and nothing changes.
  await c.dragTargetEnd(web, 'service:host4', 2211);
  await expect(c.edge(web)).toHaveCount(1);
  await expect(c.dropConfirmation()).toHaveCount(0);
  await expect(page.getByRole('status')).not.toContainText('Rebinding web');

  const host1Before = await page.locator('[aria-label="host host1"]').boundingBox();
  const host3Before = await page.locator('[aria-label="service host3"]').boundingBox();
  await c.rebindByDrag(h3, 'service:host4', 2211);
  await expect(c.edge(h3OnHost4)).toHaveCount(1);
  // Laid out once and kept: nothing jumps when a binding moves.
  expect(await page.locator('[aria-label="host host1"]').boundingBox()).toEqual(host1Before);
  expect(await page.locator('[aria-label="service host3"]').boundingBox()).toEqual(host3Before);
  await expect(page.getByRole('status')).toContainText('Rebound h3 on host1 to 192.168.4.4:2211.');
  // The route keeps its front and still leads through the moved import.
  await c.select(route);
  await expect(c.edge(h3OnHost4)).toHaveClass(/route-lit/);
});

test('exposes a host on another overlay address from the Expose form', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await c.exposeHost('host2', '10.2.1.133/16');
  await expect(page.locator('[aria-label="exposed 10.2.1.133"]')).toBeVisible();
  // An address that is not a CIDR is refused, naming the field.
  await page.getByRole('button', { name: 'Expose host', exact: true }).click();
  const form = page.getByRole('form', { name: 'Expose host' });
  await form.getByLabel('Host', { exact: true }).selectOption('host1');
  await form.getByLabel('Address', { exact: true }).fill('10.2.1.300');
  await form.getByRole('button', { name: 'Expose', exact: true }).click();
  await expect(form.getByRole('alert')).toContainText('Address: must be an address with prefix length');
});

test('rebinds through the inspector form, and refuses other operators’ stale edits', async ({ page, browser }) => {
  const c = new ConsolePage(page);
  await c.open();
  // Two more operators load the page now, holding h3 at its current revision. Their pushed updates
  // never arrive (a dropped event stream), so what they see goes stale: the host must refuse it.
  const stalePage = async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, storageState: accounts.operator.state });
    // An event stream that says nothing and waits ten minutes before it tries again.
    await p.route('**/api/events**', (r) => r.fulfill({ status: 200, contentType: 'text/event-stream', body: 'retry: 600000\n\n' }));
    const cp = new ConsolePage(p);
    await cp.open();
    return cp;
  };
  const dragger = await stalePage();
  const typist = await stalePage();

  await c.select(h3OnHost4);
  const rebind = page.getByRole('form', { name: 'Rebind' });
  await rebind.getByLabel('Target', { exact: true }).fill('192.168.1.3:2211');
  await rebind.getByRole('button', { name: 'Rebind' }).click();
  await expect(c.edge(h3)).toHaveCount(1);

  // A stale drag, applied, rolls back with the host's reason and the fresh state.
  await dragger.rebindByDrag(h3OnHost4, 'service:host3', 2211);
  await expect(dragger.page.getByRole('alert').filter({ hasText: 'Could not rebind h3' })).toContainText('changed since you loaded it');
  await expect(dragger.edge(h3)).toHaveCount(1);

  // A stale form is refused the same way, and never overwrites the first operator's edit.
  await typist.select(h3OnHost4);
  const stale = typist.page.getByRole('form', { name: 'Rebind' });
  await stale.getByLabel('Target', { exact: true }).fill('192.168.4.4:2211');
  await stale.getByRole('button', { name: 'Rebind' }).click();
  await expect(stale.getByRole('alert')).toContainText('changed since you loaded it');
  await expect(typist.edge(h3)).toHaveCount(1);
  await page.reload();
  await expect(c.edge(h3)).toHaveCount(1);
  await dragger.page.close();
  await typist.page.close();
});

test('removes a binding after confirmation, and a reload shows the same bindings', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await c.select(web);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  await page.getByRole('group', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(c.edge(web)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Removed web from host2.');

  await page.reload();
  await expect(c.edge(h3)).toHaveCount(1);
  await expect(c.edge(route)).toHaveCount(1);
  await expect(c.edge(web)).toHaveCount(0);
  await expect(c.edges()).toHaveCount(2);
});

test.describe('as a viewer', () => {
  test.use({ storageState: accounts.viewer.state });

  test('sees the network but no way to change it', async ({ page }) => {
    const c = new ConsolePage(page);
    await c.open();
    await expect(c.edge(h3)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'New export' })).toHaveCount(0);
    await c.select(h3);
    await expect(page.getByRole('region', { name: 'Inspector: binding h3' })).toContainText('You are a viewer');
    await expect(page.getByRole('form', { name: 'Rebind' })).toHaveCount(0);
    // The history is there to read (h3 was imported and rebound), with nothing to revert for a viewer.
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('listitem').filter({ hasText: 'rebind' }).first()).toBeVisible();
    await expect(history.getByRole('button', { name: 'Revert to this' })).toHaveCount(0);
    // No draggable edge ends, and the only form on the page is Sign out.
    await expect(page.locator('.react-flow__edgeupdater')).toHaveCount(0);
    await expect(page.locator('form')).toHaveCount(1);
    await expect(page.getByRole('form', { name: 'Sign out' })).toHaveCount(1);
  });
});

// The README's picture: the seed network as a new user of a new console sees it (positions are
// kept per user, and the shared console's were moved by the tests above), with the seed's bindings.
test.describe('the README screenshot', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  let own: SeededConsole;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    own = await startSeededConsole(null);
  });
  test.afterAll(async () => own?.stop());

  test('takes the README screenshot: a selected route with its rules in the inspector, on the default layout without overlaps', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, own.user.username, own.user.password, `${own.url}login`);
    const c = new ConsolePage(page);
    await c.open(own.url);
    await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
    await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
    await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
    await page.reload();
    await expect(c.edge(route)).toHaveCount(1);

    // No node lies on another, nor on a host's name.
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.classList.contains('react-flow__node-host') ? el.querySelector('span.font-semibold')?.getBoundingClientRect() : undefined;
        return { id: el.getAttribute('data-id')!, host: el.classList.contains('react-flow__node-host'), box: { x: r.x, y: r.y, w: r.width, h: r.height }, name: name && { x: name.x, y: name.y, w: name.width, h: name.height } };
      }),
    );
    const meet = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
    const endpoints = boxes.filter((b) => !b.host && b.id !== 'overlay');
    const overlaps: string[] = [];
    for (const [i, a] of endpoints.entries()) for (const b of endpoints.slice(i + 1)) if (meet(a.box, b.box)) overlaps.push(`${a.id} / ${b.id}`);
    for (const h of boxes.filter((b) => b.host && b.name)) for (const e of endpoints) if (meet(h.name!, e.box)) overlaps.push(`${e.id} over ${h.id}'s name`);
    expect(overlaps).toEqual([]);

    await c.select(route);
    await expect(page.getByRole('heading', { name: /Binding route-h3/ })).toBeVisible();
    await expect(page.getByText(/--to-destination 10\.2\.1\.3:3322/)).toBeVisible();
    await expect.poll(() => labelCollisions(page), { timeout: 10_000 }).toEqual([]);
    await expect(page.getByRole('region', { name: 'History' })).toContainText('by ');
    await page.screenshot({ path: 'docs/console.png' });
  });
});
