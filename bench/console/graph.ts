import type { Page } from '@playwright/test';
import { percentile } from './browser-timing';

/** The graph's figures on one network, as the console's bench prints them. */
export interface GraphFigures {
  /** Navigation start to the network shown: nodes placed and measured, edges on screen, the view fitted to them (ms). */
  firstRenderMs: number;
  /** 95th percentile of frame times while dragging the canvas, ms. */
  panP95Ms: number;
  /** 95th percentile of frame times while zooming with the wheel, ms. */
  zoomP95Ms: number;
  /** Nodes in the DOM once drawn. */
  nodes: number;
}

/** The console shown in the page: nodes placed and measured, an edge drawn, the view fitted (run in the page). */
export const graphShown = () =>
  Boolean(document.querySelector('[data-fitted] .react-flow__node') && !document.querySelector('.react-flow__node.hidden') && document.querySelector('.react-flow__edge, [data-edge-overview] path'));

/** Frame times (ms between animation frames) recorded in the page while `gesture` runs. */
async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  // A string, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

/**
 * Open the console at `url` in a signed-in page and measure the graph: first render, then
 * frame times while panning (mouse drags across the canvas) and zooming (wheel steps in and out).
 */
export async function measureGraph(page: Page, url: string): Promise<GraphFigures> {
  await page.goto(url);
  // Shown = fitted into view (the graph says so on its container once fitView is done), not merely the first edge in
  // the DOM: on a large network the first edges came about 1.5 s before the picture was whole and in view. Edges are
  // React Flow's own or, on a large network zoomed out, the overview layer drawing them together.
  await page.waitForFunction(graphShown, null, { timeout: 120_000, polling: 16 });
  const firstRenderMs = await page.evaluate(() => performance.now());
  const nodes = await page.locator('.react-flow__node').count();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  const m = page.mouse;
  const pan = await frameTimes(page, async () => {
    for (let round = 0; round < 3; round++) {
      await m.move(cx - 150, cy);
      await m.down();
      await m.move(cx + 150, cy + 60, { steps: 30 });
      await m.move(cx - 150, cy, { steps: 30 });
      await m.up();
    }
  });
  const zoom = await frameTimes(page, async () => {
    await m.move(cx, cy);
    for (let i = 0; i < 15; i++) await m.wheel(0, -120);
    for (let i = 0; i < 15; i++) await m.wheel(0, 120);
  });
  return { firstRenderMs, panP95Ms: percentile(pan, 95), zoomP95Ms: percentile(zoom, 95), nodes };
}

/** Open these hosts on a collapsed graph (by their Expand buttons), and wait until they are drawn open. */
export async function expandHosts(page: Page, hosts: readonly string[]): Promise<void> {
  for (const h of hosts) {
    const expand = page.getByRole('button', { name: `Expand host ${h}`, exact: true });
    if (await expand.count()) await expand.dispatchEvent('click');
    await page.getByRole('button', { name: `Collapse host ${h}`, exact: true }).waitFor({ state: 'attached' });
  }
}
