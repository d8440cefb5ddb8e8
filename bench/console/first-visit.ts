/**
 * Making the next visit of the console a first one. Signing in lands on the console, and that page
 * lays the network out and keeps it for the user: measured straight after sign-in, a visit shared its
 * tab with that page still drawing (in one trace, the request for the measured page left only after
 * 850 ms of the landing page's work) and found the layout kept or not, as the race went.
 */
import type { Page } from '@playwright/test';
import { findUser } from '@/lib/auth/users';
import { forgetPositions, keptPositions } from '@/lib/console/layout-positions';
import { openStore } from '@/lib/store';
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
