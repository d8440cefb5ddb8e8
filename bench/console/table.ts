/**
 * The bindings table's figures on an open console page (issue 10's numbers): typing a search to the
 * filtered table, and selecting a row to its edge centred in the graph.
 */
import type { Page } from '@playwright/test';
import { percentile } from './browser-timing';

/** The table's figures on one network. */
export interface TableFigures {
  searchMs: number;
  selectMs: number;
  /** Body rows in the DOM, and how many the table lists. */
  rowsDrawn: number;
  rowsListed: number;
}

export const tableTargets = { searchMs: 100, selectMs: 200 };

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
 * of the graph's pane (within a tenth of the pane) and the inspector shows the binding, painted, ms.
 */
function timeSelect(page: Page, key: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const row = document.querySelector('table[aria-label="Bindings"] tr[data-key="${key}"]');
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const t0 = performance.now();
    row.click();
    const check = () => {
      const edge = document.querySelector('.react-flow__edge.selected[data-id="${key}"] path');
      const inspected = document.querySelector('section[aria-label="Inspector: binding ${key.split('/').slice(1).join('/')}"]');
      if (edge && inspected) {
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

/** The table's figures on a page where the console is drawn: median of three searches and three selections. */
export async function measureTable(page: Page, which: keyof typeof searches): Promise<TableFigures> {
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
  return { searchMs: percentile(search, 50), selectMs: percentile(select, 50), rowsDrawn, rowsListed };
}
