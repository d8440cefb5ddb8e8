import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';

/** The e2e console's port (chosen by playwright.config.ts). */
export const consolePort = (): number => Number(process.env.SWITCHYARD_E2E_PORT);
export const consoleOrigin = (): string => `http://localhost:${consolePort()}`;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request exactly as given (any Host, any Origin or none, any cookie), as an attacker's
 * script would send it: no browser adds or fixes anything.
 */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: consolePort(), method, path, headers: { ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The session cookie from a saved Playwright storage state, as a Cookie header value. */
export function sessionCookieOf(storageStatePath: string): string {
  const state = JSON.parse(readFileSync(storageStatePath, 'utf8')) as { cookies: { name: string; value: string }[] };
  const c = state.cookies.find((x) => x.name === 'switchyard_session');
  if (!c) throw new Error(`no session cookie in ${storageStatePath}`);
  return `${c.name}=${c.value}`;
}

/** Server action ids and names as the page's JavaScript chunks declare them (createServerReference("id", …, "name")). */
export function actionIdsIn(js: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const m of js.matchAll(/createServerReference\)\("([0-9a-f]{40,})",[^;]*?"(\w+)"\)/g)) ids.set(m[2], m[1]);
  return ids;
}
