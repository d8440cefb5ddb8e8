import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { signIn } from '../../tests/e2e/accounts';
import { ConsolePage } from '../../tests/e2e/console-page';
import { startSeededConsole } from '../../tests/e2e/seeded-console';
import { measureGraph, type GraphFigures } from './graph';
import { forgetLandingLayout, signInTimingLanding } from './first-visit';
import { measureTable, tableTargets, type TableFigures } from './table';

/** The targets for a large network. */
const targets = { firstRenderMs: 2000, panP95Ms: 50, zoomP95Ms: 50 };

/**
 * The graph and the bindings table beside it, on the seed network and on 200 hosts / 2,000 bindings,
 * each on a console of its own (one console per network, every figure taken on the same page),
 * printed side by side.
 */
export async function graphBench(log: (line: string) => void = console.log): Promise<{ seed: GraphFigures; large: GraphFigures }> {
  const browser = await chromium.launch(chromiumLaunch);
  const graphs: GraphFigures[] = [];
  const tables: TableFigures[] = [];
  const firstVisits: number[] = [];
  let landing = NaN;
  try {
    for (const size of [null, { hosts: 200, bindings: 2000 }]) {
      const own = await startSeededConsole(size);
      try {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        if (size) landing = await signInTimingLanding(page, own.url, own.user);
        else await signIn(page, own.user.username, own.user.password, `${own.url}login`, 120_000);
        if (!size) {
          // The embedded seed network starts without bindings: make the seed page's three.
          const c = new ConsolePage(page);
          await c.open(own.url);
          await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
          await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
          await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
        }
        // The first visit lays the network out and keeps it; later visits draw the kept positions.
        await forgetLandingLayout(page, own.dataDir, own.user.username);
        firstVisits.push((await measureGraph(page, own.url)).firstRenderMs);
        graphs.push(await measureGraph(page, own.url));
        tables.push(await measureTable(page, size ? 'large' : 'seed'));
        await context.close();
      } finally {
        await own.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const [seed, large] = graphs;
  const row = (what: string, a: string, b: string, target: string) => log(`${what.padEnd(48)} ${a.padStart(10)} ${b.padStart(16)}   ${target}`);
  log('\nConsole graph and bindings table (headless Chromium, 1440×900)');
  row('', 'seed', '200 h / 2,000 b', 'target (large)');
  row('first render, first visit (ms)', firstVisits[0].toFixed(0), firstVisits[1].toFixed(0), `≤ ${targets.firstRenderMs}`);
  row('  the page sign-in lands on, from its answer (ms)', '', landing.toFixed(0), 'a person\'s first visit');
  row('first render, positions kept (ms)', seed.firstRenderMs.toFixed(0), large.firstRenderMs.toFixed(0), `≤ ${targets.firstRenderMs}`);
  row('pan frame time p95 (ms)', seed.panP95Ms.toFixed(1), large.panP95Ms.toFixed(1), `≤ ${targets.panP95Ms}`);
  row('zoom frame time p95 (ms)', seed.zoomP95Ms.toFixed(1), large.zoomP95Ms.toFixed(1), `≤ ${targets.zoomP95Ms}`);
  row('nodes in the DOM', String(seed.nodes), String(large.nodes), '≤ ~500');
  const [seedTable, largeTable] = tables;
  row('search typed → table filtered, median of 3 (ms)', seedTable.searchMs.toFixed(1), largeTable.searchMs.toFixed(1), `≤ ${tableTargets.searchMs}`);
  row('row selected → edge centred, median of 3 (ms)', seedTable.selectMs.toFixed(1), largeTable.selectMs.toFixed(1), `≤ ${tableTargets.selectMs}`);
  row('table rows in the DOM / listed', `${seedTable.rowsDrawn}/${seedTable.rowsListed}`, `${largeTable.rowsDrawn}/${largeTable.rowsListed}`, 'only the rows on screen');
  return { seed, large };
}
