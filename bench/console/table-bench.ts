/**
 * The bindings table beside the graph (issue 10's numbers): first render with the table, typing a
 * search to the filtered table, selecting a row to its edge centred in the graph, and pan/zoom
 * frame times with the table on the page; the seed network and 200 hosts / 2,000 bindings side by side.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { signIn } from '../../tests/e2e/accounts';
import { ConsolePage } from '../../tests/e2e/console-page';
import { startSeededConsole } from '../../tests/e2e/seeded-console';
import { percentile } from './browser-timing';
import { measureGraph } from './graph';

/** The table's figures on one network. */
export interface TableFigures {
  firstRenderMs: number;
  searchMs: number;
  selectMs: number;
  panP95Ms: number;
  zoomP95Ms: number;
  /** Body rows in the DOM, and how many the table lists. */
  rowsDrawn: number;
  rowsListed: number;
}

const targets = { firstRenderMs: 2000, searchMs: 100, selectMs: 200, frameP95Ms: 50 };

/** What each network is searched for: a term that finds exactly the one binding with this key. */
const searches = {
  seed: [
    ['host2 route-h3', 'binding:host2/route-h3'],
    ['host1 h3', 'binding:host1/h3'],
    ['host2 web', 'binding:host2/web'],
  ],
  large: [
    ['sim137 route-5', 'binding:sim137/route-5'],
    ['sim042 web-3', 'binding:sim042/web-3'],
    ['sim199 db-4', 'binding:sim199/db-4'],
  ],
} as const;

/**
 * Type `term` into Search (as one input event) and time until the table shows only the row `key`,
 * painted (the next animation frame), ms.
 */
function timeSearch(page: Page, term: string, key: string): Promise<number> {
  // A string, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const input = document.getElementById('bindings-search');
    const t0 = performance.now();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(term)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => {
      const rows = document.querySelectorAll('table[aria-label="Bindings"] tbody tr[data-key]');
      if (rows.length === 1 && rows[0].getAttribute('data-key') === ${JSON.stringify(key)}) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number>;
}

/**
 * Click the row `key` and time until its edge is drawn selected with its middle near the middle
 * of the graph's pane (within a tenth of the pane), painted, ms.
 */
function timeSelect(page: Page, key: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const row = document.querySelector('table[aria-label="Bindings"] tr[data-key="${key}"]');
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const t0 = performance.now();
    row.click();
    const check = () => {
      const edge = document.querySelector('.react-flow__edge.selected[data-id="${key}"] path');
      if (edge) {
        const b = edge.getBoundingClientRect();
        const dx = Math.abs(b.x + b.width / 2 - (pane.x + pane.width / 2));
        const dy = Math.abs(b.y + b.height / 2 - (pane.y + pane.height / 2));
        if (dx <= pane.width / 10 && dy <= pane.height / 10) return requestAnimationFrame(() => resolve(performance.now() - t0));
      }
      requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number>;
}

async function clearSearch(page: Page): Promise<void> {
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.waitForFunction(() => !/ of \d+ bindings/.test(document.querySelector('section[aria-label="Bindings table"]')?.textContent ?? ''));
}

async function measureTable(page: Page, url: string, which: keyof typeof searches): Promise<TableFigures> {
  const graph = await measureGraph(page, url);
  await page.locator('table[aria-label="Bindings"] tbody tr[data-key]').first().waitFor();
  const rowsDrawn = await page.locator('table[aria-label="Bindings"] tbody tr[data-key]').count();
  const rowsListed = Number(await page.locator('table[aria-label="Bindings"]').getAttribute('aria-rowcount')) - 1;
  const search: number[] = [];
  const select: number[] = [];
  for (const [term, key] of searches[which]) {
    search.push(await timeSearch(page, term, key));
    select.push(await timeSelect(page, key));
    await clearSearch(page);
  }
  return { firstRenderMs: graph.firstRenderMs, panP95Ms: graph.panP95Ms, zoomP95Ms: graph.zoomP95Ms, searchMs: percentile(search, 50), selectMs: percentile(select, 50), rowsDrawn, rowsListed };
}

/** Run the table bench on a console of its own per network and print the figures side by side. */
export async function tableBench(log: (line: string) => void = console.log): Promise<{ seed: TableFigures; large: TableFigures }> {
  const browser = await chromium.launch(chromiumLaunch);
  const figures: TableFigures[] = [];
  try {
    for (const size of [null, { hosts: 200, bindings: 2000 }]) {
      const own = await startSeededConsole(size);
      try {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await signIn(page, own.user.username, own.user.password, `${own.url}login`);
        if (!size) {
          // The embedded seed network starts without bindings: make the seed page's three.
          const c = new ConsolePage(page);
          await c.open(own.url);
          await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
          await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
          await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
        }
        // The first visit lays the network out and keeps it; the measured one draws the kept positions.
        await measureGraph(page, own.url);
        figures.push(await measureTable(page, own.url, size ? 'large' : 'seed'));
        await context.close();
      } finally {
        await own.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const [seed, large] = figures;
  const row = (what: string, a: string, b: string, target: string) => log(`${what.padEnd(46)} ${a.padStart(10)} ${b.padStart(16)}   ${target}`);
  log('\nBindings table and one selection (headless Chromium, 1440×900)');
  row('', 'seed', '200 h / 2,000 b', 'target (large)');
  row('first render with the table (ms)', seed.firstRenderMs.toFixed(0), large.firstRenderMs.toFixed(0), `≤ ${targets.firstRenderMs}`);
  row('search typed → table filtered, median of 3 (ms)', seed.searchMs.toFixed(1), large.searchMs.toFixed(1), `≤ ${targets.searchMs}`);
  row('row selected → edge centred, median of 3 (ms)', seed.selectMs.toFixed(1), large.selectMs.toFixed(1), `≤ ${targets.selectMs}`);
  row('pan frame time p95 (ms)', seed.panP95Ms.toFixed(1), large.panP95Ms.toFixed(1), `≤ ${targets.frameP95Ms}`);
  row('zoom frame time p95 (ms)', seed.zoomP95Ms.toFixed(1), large.zoomP95Ms.toFixed(1), `≤ ${targets.frameP95Ms}`);
  row('table rows in the DOM / listed', `${seed.rowsDrawn}/${seed.rowsListed}`, `${large.rowsDrawn}/${large.rowsListed}`, 'only the rows on screen');
  return { seed, large };
}
