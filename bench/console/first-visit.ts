/**
 * The console's first visit, two ways. A person's first visit is the page sign-in lands on: timed
 * from the sign-in's answer to the network drawn. And a first page load on its own: signing in lands
 * on the console, which lays the network out and keeps it for the user, so a visit measured straight
 * after sign-in shared its tab with that page still drawing (in one trace, the request for the
 * measured page left only after 850 ms of the landing page's work) and found the layout kept or not,
 * as the race went; the landing page is let finish and the layout forgotten first.
 */
import type { Page } from '@playwright/test';
import { findUser } from '@/lib/auth/users';
import { forgetPositions, keptPositions } from '@/lib/console/layout-positions';
import { openStore } from '@/lib/store';
import { fillSignIn } from '../../tests/e2e/accounts';
import { graphShown } from './graph';

/**
 * Let the page that sign-in landed on finish (drawn, its layout kept), then forget the user's layout
 * in the console's store, so the next visit lays the network out from nothing with the tab to itself.
 */
export async function forgetLandingLayout(page: Page, dataDir: string, username: string): Promise<void> {
  await page.waitForFunction(graphShown, null, { timeout: 120_000, polling: 16 });
  const db = openStore(dataDir);
  try {
    const user = findUser(username, db);
    if (!user) throw new Error(`no user ${username} in ${dataDir}`);
    const kept = () => Object.keys(keptPositions(user.id, db)).length > 0;
    const pause = () => new Promise((r) => setTimeout(r, 50));
    // The page keeps its layout with a request after it is drawn: wait for it, or it would land after the forgetting.
    const deadline = Date.now() + 30_000;
    while (!kept()) {
      if (Date.now() > deadline) throw new Error('the page sign-in landed on never kept its layout');
      await pause();
    }
    // Forget, and again whenever a later save lands, until none has for a second.
    forgetPositions(user.id, db);
    for (let quietSince = Date.now(); Date.now() - quietSince < 1000; ) {
      await pause();
      if (kept()) {
        forgetPositions(user.id, db);
        quietSince = Date.now();
      }
    }
  } finally {
    db.close();
  }
}

/**
 * Sign in on the console's sign-in page and time the page it lands on: from the sign-in's answer
 * (the first byte of its response, once the password is checked) to the network drawn. In ms.
 */
export async function signInTimingLanding(page: Page, consoleUrl: string, user: { username: string; password: string }): Promise<number> {
  const submit = await fillSignIn(page, user.username, user.password, `${consoleUrl}login`);
  // Watched in the page itself, which stays the same document through sign-in (a string: tsx's helpers do not exist there).
  await page.evaluate(`(() => {
    const shown = ${graphShown.toString()};
    new MutationObserver(() => {
      if (window.__landingShown === undefined && shown()) window.__landingShown = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  await submit.click();
  await page.waitForFunction(() => (window as unknown as { __landingShown?: number }).__landingShown !== undefined, null, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => {
    const shown = (window as unknown as { __landingShown: number }).__landingShown;
    const answer = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch' && new URL(e.name).pathname === '/login').at(-1) as PerformanceResourceTiming | undefined;
    if (!answer) throw new Error('no sign-in request seen');
    return shown - answer.responseStart;
  });
}
