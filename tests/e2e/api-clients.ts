// Callers of the e2e console's HTTP API: tokens made with the users CLI against its data directory,
// and request contexts without the browser's cookies, so only a bearer token speaks for them.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { usersCommand } from './accounts';

/** The e2e console's data directory (playwright.config.ts sets it). */
export function e2eDataDir(): string {
  const dir = process.env.SWITCHYARD_E2E_DATA_DIR;
  if (!dir) throw new Error('SWITCHYARD_E2E_DATA_DIR is not set (playwright.config.ts sets it for the e2e console)');
  return dir;
}

/** An API token for `name`, made with `npm run users -- token NAME` (printed once). */
export async function apiToken(name: string, label?: string): Promise<string> {
  const token = /^syt_\S+$/m.exec(await usersCommand(e2eDataDir(), ['token', name, ...(label ? ['--label', label] : [])]))?.[0];
  if (!token) throw new Error(`npm run users -- token ${name} printed no token`);
  return token;
}

/** Request contexts made for one spec file, disposed together. */
export function apiClients(): { as(baseURL: string, token?: string): Promise<APIRequestContext>; disposeAll(): Promise<void> } {
  const contexts: APIRequestContext[] = [];
  return {
    async as(baseURL, token) {
      const ctx = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: token ? { authorization: `Bearer ${token}` } : {} });
      contexts.push(ctx);
      return ctx;
    },
    async disposeAll() {
      for (const ctx of contexts.splice(0)) await ctx.dispose();
    },
  };
}
