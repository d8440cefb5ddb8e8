import type { Page } from '@playwright/test';

/** Percentile `p` (0–100) of `xs`, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Open the console and time it: first contentful paint, and when every host is drawn reachable with its graph. */
export async function openConsole(page: Page, url: string, hosts: number, firstHost: string): Promise<{ firstPaintMs: number; graphMs: number; reachable: number }> {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('header')?.textContent ?? '';
      return text.includes(`${n} hosts ·`) && !/unreachable|connecting/.test(text);
    },
    hosts,
    { timeout: 180_000, polling: 50 },
  );
  await page.locator(`[aria-label="host ${firstHost}"]`).waitFor({ timeout: 180_000 });
  const graphMs = Date.now() - start;
  const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const reachable = await page.evaluate((n) => n - Number(/(\d+) unreachable/.exec(document.querySelector('header')?.textContent ?? '')?.[1] ?? 0), hosts);
  return { firstPaintMs, graphMs, reachable };
}

/**
 * When (epoch ms, the page's clock) an element matching `selector` is in the page: now if it is,
 * else as soon as it appears. A string, not a function: tsx's helpers (__name) do not exist in the page.
 */
export function appearedAt(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const seen = () => document.querySelector(${JSON.stringify(selector)}) !== null;
    if (seen()) return resolve(performance.timeOrigin + performance.now());
    const observer = new MutationObserver(() => {
      if (seen()) {
        observer.disconnect();
        resolve(performance.timeOrigin + performance.now());
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  })`) as Promise<number>;
}

/** How long after `change()` the page shows an element matching `selector` (milliseconds). */
export async function timeToAppear(page: Page, selector: string, change: () => Promise<void>): Promise<number> {
  const armed = appearedAt(page, selector);
  const t0 = Date.now();
  await change();
  return (await armed) - t0;
}
