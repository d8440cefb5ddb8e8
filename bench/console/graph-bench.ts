import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { signIn } from '../../tests/e2e/accounts';
import { startSeededConsole } from '../../tests/e2e/seeded-console';
import { measureGraph, type GraphFigures } from './graph';

/** The targets for a large network. */
const targets = { firstRenderMs: 2000, panP95Ms: 50, zoomP95Ms: 50 };

/** The graph on the seed network and on 200 hosts / 2,000 bindings, each on a console of its own, printed side by side. */
export async function graphBench(log: (line: string) => void = console.log): Promise<{ seed: GraphFigures; large: GraphFigures }> {
  const browser = await chromium.launch(chromiumLaunch);
  const figures: GraphFigures[] = [];
  const firstVisits: number[] = [];
  try {
    for (const size of [null, { hosts: 200, bindings: 2000 }]) {
      const own = await startSeededConsole(size);
      try {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await signIn(page, own.user.username, own.user.password, `${own.url}login`);
        // The first visit lays the network out and keeps it; later visits draw the kept positions.
        firstVisits.push((await measureGraph(page, own.url)).firstRenderMs);
        figures.push(await measureGraph(page, own.url));
        await context.close();
      } finally {
        await own.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const [seed, large] = figures;
  const row = (what: string, a: string, b: string, target: string) => log(`${what.padEnd(36)} ${a.padStart(10)} ${b.padStart(16)}   ${target}`);
  log('\nConsole graph (headless Chromium, 1440×900)');
  row('', 'seed', '200 h / 2,000 b', 'target (large)');
  row('first render, first visit (ms)', firstVisits[0].toFixed(0), firstVisits[1].toFixed(0), `≤ ${targets.firstRenderMs}`);
  row('first render, positions kept (ms)', seed.firstRenderMs.toFixed(0), large.firstRenderMs.toFixed(0), `≤ ${targets.firstRenderMs}`);
  row('pan frame time p95 (ms)', seed.panP95Ms.toFixed(1), large.panP95Ms.toFixed(1), `≤ ${targets.panP95Ms}`);
  row('zoom frame time p95 (ms)', seed.zoomP95Ms.toFixed(1), large.zoomP95Ms.toFixed(1), `≤ ${targets.zoomP95Ms}`);
  row('nodes in the DOM', String(seed.nodes), String(large.nodes), '≤ ~500');
  return { seed, large };
}
