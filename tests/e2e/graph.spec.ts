import { expect, test, type Page } from '@playwright/test';
import { signIn } from './accounts';
import { ConsolePage } from './console-page';
import { startSeededConsole, type SeededConsole } from './seeded-console';
import { labelCollisions } from './label-collisions';

// The seed network's picture: kept positions, and text that can be read at the fitted zoom.

/** A node's place in the graph's own coordinates (React Flow draws it with a translate). */
const placeOf = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => (el as HTMLElement).style.transform);

/** The smallest text on the graph as it appears on screen: computed font size × the zoom it is drawn at. */
const smallestText = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((viewport) => {
    let smallest = { px: Infinity, text: '' };
    for (const el of viewport.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
      if (!own || !el.offsetWidth) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().width / el.offsetWidth);
      if (px < smallest.px) smallest = { px, text: el.textContent!.trim() };
    }
    return smallest;
  });

/** Wait until the fitted view has stopped changing (fit happens once the nodes are measured). */
async function settled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
      const same = now === last;
      last = now;
      return same && now !== '';
    }, { intervals: [300] })
    .toBe(true);
}

test('draws the overlay with the exposed addresses and containers on it, containers inside their hosts, the client linked to its host', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await expect(page.locator('[aria-label="overlay 10.2.0.0/16"]')).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-id="overlay:container:a2"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="overlay:exposed:host1:10.2.1.3"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="reaches:client:world->host:host2"]')).toHaveCount(1);
  // a2 runs on host2: it is drawn inside host2's box.
  const host2 = (await page.locator('[aria-label="host host2"]').boundingBox())!;
  const a2 = (await page.locator('[aria-label="container a2"]').boundingBox())!;
  expect(a2.x).toBeGreaterThanOrEqual(host2.x);
  expect(a2.x + a2.width).toBeLessThanOrEqual(host2.x + host2.width);
  expect(a2.y + a2.height).toBeLessThanOrEqual(host2.y + host2.height);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(1);
});

test('keeps each node where the user put it: the same places after a reload', async ({ page }) => {
  const c = new ConsolePage(page);
  await c.open();
  await settled(page);
  const service = page.locator('[aria-label="service host4"]');
  const before = await placeOf(page, 'service:host4');
  const box = (await service.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 50, { steps: 8 });
  await page.mouse.up();
  const moved = await placeOf(page, 'service:host4');
  expect(moved).not.toBe(before);
  const others = await Promise.all(['host:host1', 'host:host2', 'container:a1', 'client:world'].map((id) => placeOf(page, id)));

  // The move is kept on the server for this user, not in the browser: wait for the save, then reload.
  await expect.poll(async () => {
    await page.reload();
    await expect(page.locator('[aria-label="host host1"]')).toBeVisible();
    return placeOf(page, 'service:host4');
  }, { timeout: 15_000 }).toBe(moved);
  expect(await Promise.all(['host:host1', 'host:host2', 'container:a1', 'client:world'].map((id) => placeOf(page, id)))).toEqual(others);
});

// The seed network as a new console shows it (the shared console has been changed by other specs).
test.describe('the seed network at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 }, storageState: { cookies: [], origins: [] } });
  let own: SeededConsole;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    own = await startSeededConsole(null);
  });
  test.afterAll(async () => own?.stop());

  test('every text on the graph is at least 12 px on screen at the fitted zoom, and no edge label covers another or a host header', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, own.user.username, own.user.password, `${own.url}login`);
    const c = new ConsolePage(page);
    await c.open(own.url);
    // Edge labels are text too: the seed page's export, import and the route through them.
    await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
    await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
    await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
    await page.reload();
    await settled(page);
    await expect(c.edges().first()).toBeVisible();
    const smallest = await smallestText(page);
    expect(smallest.px, `"${smallest.text}"`).toBeGreaterThanOrEqual(12);

    await expect(page.locator('[data-edge-label]')).toHaveCount(3);
    // Labels are placed once all are measured: poll until no label lies on another or on a host's header.
    await expect.poll(() => labelCollisions(page), { timeout: 10_000 }).toEqual([]);
  });
});
