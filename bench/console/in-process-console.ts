/**
 * The console's production build served from the bench's own process, so the bench can see its
 * session pool and hub (and, on a sim network, the simulated hosts it serves), with one operator
 * made in its store before it starts.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { signIn } from '../../tests/e2e/accounts';
import { createUser } from '@/lib/auth/users';
import { openStore } from '@/lib/store';
import type { SessionPool } from '@/lib/hosts';

const root = path.resolve(import.meta.dirname, '../..');
const user = { username: 'bench', password: 'bench password 123' };

export interface InProcessConsole {
  /** e.g. http://localhost:41234 (no trailing slash). */
  url: string;
  browser: Browser;
  /** A page at 1440×900, signed in as the bench's operator. */
  signedInPage(): Promise<import('@playwright/test').Page>;
  /** Sessions in the console's pool now. */
  sessions(): number;
  /** Browsers the hub streams to now. */
  browserStreams(): Promise<number>;
  /** Closes the browser, the server and every host session. */
  stop(): Promise<void>;
}

/** Make the bench's operator in the store in `dataDir`, serve the console on a free loopback port with `inventoryPath`, and open Chromium. */
export async function startInProcessConsole(inventoryPath: string, dataDir: string): Promise<InProcessConsole> {
  const db = openStore(dataDir);
  await createUser({ ...user, role: 'operator', hosts: null, mustChangePassword: false }, db);
  db.close();
  Object.assign(process.env, { SWITCHYARD_INVENTORY: inventoryPath, SWITCHYARD_DATA_DIR: dataDir, NODE_ENV: 'production' });
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  const url = `http://localhost:${port}`;
  const browser = await chromium.launch(chromiumLaunch);
  // The console's session pool and hub, one per process on globalThis.
  const pool = (): SessionPool | undefined => (globalThis as Record<symbol, SessionPool | undefined>)[Symbol.for('switchyard.host-sessions')];
  return {
    url,
    browser,
    async signedInPage() {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await signIn(page, user.username, user.password, `${url}/login`, 120_000);
      return page;
    },
    sessions: () => pool()?.sessions().length ?? 0,
    async browserStreams() {
      const hub = await (globalThis as Record<symbol, Promise<{ hub: { subscribers: number } }> | undefined>)[Symbol.for('switchyard.network-hub')];
      return hub?.hub.subscribers ?? 0;
    },
    async stop() {
      await browser.close();
      server.close();
      await pool()?.close();
      await app.close?.();
    },
  };
}
