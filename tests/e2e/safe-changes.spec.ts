import { expect, test, type Page } from '@playwright/test';
import { signIn } from './accounts';
import { ConsolePage } from './console-page';
import { startSeededConsole, type SeededConsole } from './seeded-console';

// Safe changes on a console of its own (the embedded seed network): a drop asks first, an applied
// change can be undone, and the inspector shows a binding's history with "Revert to this".
test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

const h3 = 'binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211';
const h3OnHost4 = 'binding h3: host1 10.2.1.3:3322 → 192.168.4.4:2211';
const web = 'binding web: host2 eth0:2211 → a1:4422';

let own: SeededConsole;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  own = await startSeededConsole(null);
});
test.afterAll(async () => own?.stop());

/** h3 as host1 reports it through the JSON API (the signed-in page's session reads it). */
async function h3OnHost1(page: Page): Promise<{ target: { name: string; port: number }; revision: number } | undefined> {
  const res = await page.request.get(`${own.url}api/v1/bindings?host=host1`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { bindings: { id: string; target: { name: string; port: number }; revision: number }[] };
  return body.bindings.find((b) => b.id === 'h3');
}

async function openConsole(page: Page): Promise<ConsolePage> {
  await signIn(page, own.user.username, own.user.password, `${own.url}login`);
  const c = new ConsolePage(page);
  await c.open(own.url);
  return c;
}

test('a creation can be undone; while an end is dragged, valid targets are highlighted and the others dimmed', async ({ page }) => {
  const c = await openConsole(page);
  await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Created web on host2');
  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(c.edge(web)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Undone: Removed web from host2.');
  await expect(undo).toHaveCount(0);

  await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
  await expect(c.edge(h3)).toHaveCount(1);

  // Hold h3's target end away from where it was: host1 reaches host4, not its own front, and a client is no target.
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const end = await c.edge(h3).locator('.react-flow__edgeupdater-target').boundingBox();
  if (!end) throw new Error('no target end on h3');
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x - 40, end.y + 60, { steps: 8 });
  await expect(node('service:host4')).toHaveClass(/drop-target/);
  await expect(node('container:a1')).toHaveClass(/drop-target/);
  await expect(node('exposed:host1:10.2.1.3')).toHaveClass(/drop-dimmed/);
  await expect(node('client:world')).toHaveClass(/drop-dimmed/);
  await expect(node('service:host3')).toHaveClass(/drop-dimmed/);
  await page.mouse.up();
  // Dropped on nothing: no confirmation, nothing marked any more, nothing changed.
  await expect(node('service:host4')).not.toHaveClass(/drop-/);
  await expect(c.dropConfirmation()).toHaveCount(0);
  await expect(c.edge(h3)).toHaveCount(1);
});

test('a drop asks for confirmation, and Cancel changes nothing', async ({ page }) => {
  const c = await openConsole(page);
  const before = await h3OnHost1(page);
  expect(before?.target).toMatchObject({ name: '192.168.1.3', port: 2211 });

  await c.dragTargetEnd(h3, 'service:host4', 2211);
  const dialog = c.dropConfirmation();
  await expect(dialog).toContainText('host1');
  await expect(dialog).toContainText('h3');
  await expect(dialog).toContainText('192.168.1.3:2211 → 192.168.4.4:2211');
  // The host's plan: h3's chain now sends to host4.
  await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('--to-destination 192.168.4.4:2211');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

  await expect(dialog).toHaveCount(0);
  await expect(c.edge(h3)).toHaveCount(1);
  await expect(c.edge(h3OnHost4)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Rebind of h3 cancelled; nothing changed.');
  expect(await h3OnHost1(page)).toEqual(before);
  await page.reload();
  await expect(c.edge(h3)).toHaveCount(1);
});

test('Apply rebinds, and Undo points the binding back at its previous target', async ({ page }) => {
  const c = await openConsole(page);
  await c.rebindByDrag(h3, 'service:host4', 2211);
  await expect(c.edge(h3OnHost4)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Rebound h3 on host1 to 192.168.4.4:2211.');
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.4.4', port: 2211 });

  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Rebound h3 on host1: 192.168.1.3:2211 → 192.168.4.4:2211');
  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(c.edge(h3)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Undone: Rebound h3 on host1 to 192.168.1.3:2211.');
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.1.3', port: 2211 });
});

test('the inspector lists the binding’s history, and "Revert to this" restores an earlier target', async ({ page }) => {
  const c = await openConsole(page);
  await c.select(h3);
  const history = page.getByRole('region', { name: 'Inspector: binding h3' }).getByRole('region', { name: 'History' });
  const items = history.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('rebind (undo)');
  await expect(items.nth(0)).toContainText(`by ${own.user.username}`);
  await expect(items.nth(0)).toContainText('192.168.4.4:2211 → 192.168.1.3:2211');
  await expect(items.nth(1)).toContainText('rebind');
  await expect(items.nth(1)).toContainText('192.168.1.3:2211 → 192.168.4.4:2211');
  await expect(items.nth(2)).toContainText('import');
  await expect(items.nth(2)).toContainText('— → 192.168.1.3:2211');
  // The current target is no earlier state to go back to.
  await expect(items.nth(0).getByRole('button', { name: 'Revert to this' })).toHaveCount(0);

  await items.nth(1).getByRole('button', { name: 'Revert to this' }).click();
  await expect(c.edge(h3OnHost4)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Reverted: Rebound h3 on host1 to 192.168.4.4:2211.');
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.4.4', port: 2211 });
  await expect(items.nth(0)).toContainText('rebind (revert)');
  await expect(items).toHaveCount(4);
});

test('an undo of a binding that changed again meanwhile is refused, and the newer change stays', async ({ page, context }) => {
  const c = await openConsole(page);
  await c.select(h3OnHost4);
  const rebind = page.getByRole('form', { name: 'Rebind' });
  await rebind.getByLabel('Target', { exact: true }).fill('192.168.1.3:2211');
  await rebind.getByRole('button', { name: 'Rebind' }).click();
  await expect(c.edge(h3)).toHaveCount(1);
  const undo = page.getByRole('region', { name: 'Undo' });
  await expect(undo).toContainText('Rebound h3 on host1: 192.168.4.4:2211 → 192.168.1.3:2211');

  // Someone else moves h3 on in another tab.
  const other = new ConsolePage(await context.newPage());
  await other.open(own.url);
  await other.rebindByDrag(h3, 'service:host4', 2211);
  await expect(other.edge(h3OnHost4)).toHaveCount(1);

  await undo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Not undone: h3 on host1 changed again after your change, so it keeps its newer state.');
  await expect(c.edge(h3OnHost4)).toHaveCount(1);
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.4.4', port: 2211 });
  await other.page.close();
});

test('a removal can be undone: the binding comes back with the same front and target', async ({ page }) => {
  const c = await openConsole(page);
  await c.select(h3OnHost4);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  await page.getByRole('group', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(c.edge(h3OnHost4)).toHaveCount(0);
  expect(await h3OnHost1(page)).toBeUndefined();

  await page.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(c.edge(h3OnHost4)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Undone: Created import h3 on host1.');
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.4.4', port: 2211 });
});

test('a removed binding’s history is reached from the inspector, and "Revert to this" makes it again after showing its plan', async ({ page }) => {
  const c = await openConsole(page);
  await c.select(h3OnHost4);
  await page.getByRole('button', { name: 'Remove binding' }).click();
  await page.getByRole('group', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(c.edge(h3OnHost4)).toHaveCount(0);
  await page.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Dismiss' }).click();

  // With nothing selected, the inspector lists what was removed; h3's history opens from there.
  await page.getByRole('region', { name: 'Recently removed' }).getByRole('button', { name: 'h3 on host1' }).click();
  const gone = page.getByRole('region', { name: 'Removed binding h3' });
  const items = gone.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(items.first()).toContainText('remove');
  await expect(items.first().getByRole('button', { name: 'Revert to this' })).toHaveCount(0);
  // Back to the state its creation left: import 10.2.1.3:3322 → 192.168.1.3:2211, planned first.
  await expect(items.last()).toContainText('— → 192.168.1.3:2211');
  await items.last().getByRole('button', { name: 'Revert to this' }).click();
  const confirm = gone.getByRole('group', { name: 'Confirm revert' });
  await expect(confirm.getByRole('region', { name: 'Plan' })).toContainText('--to-destination 192.168.1.3:2211');
  expect(await h3OnHost1(page)).toBeUndefined();
  await confirm.getByRole('button', { name: 'Apply' }).click();
  await expect(c.edge(h3)).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Reverted: Created import h3 on host1.');
  expect((await h3OnHost1(page))?.target).toMatchObject({ name: '192.168.1.3', port: 2211 });
  await c.select(h3);
  const history = page.getByRole('region', { name: 'Inspector: binding h3' }).getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('import (revert)');
});
