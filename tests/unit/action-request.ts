// Server actions under test run for real (the embedded simulated network and a real store); only
// Next's request scope is stood in for. A test file mocks `next/headers` with this module:
//   vi.mock('next/headers', () => import('@/tests/unit/action-request'));
// then calls `useScratchStore` before importing the console's modules, `signUp` once, and
// `signedInAs` before each action.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@/lib/auth/roles';

let requestHeaders = new Headers();
let sessionCookie: string | undefined;
const sessions: Record<string, string> = {};

/** `next/headers`, as a server action sees it. */
export const headers = async () => requestHeaders;
export const cookies = async () => ({
  get: (name: string) => (name === 'switchyard_session' && sessionCookie ? { name, value: sessionCookie } : undefined),
});

/** A fresh data dir for this file's store, on the embedded network; returns how to remove it. */
export function useScratchStore(prefix: string): { dispose(): Promise<void> } {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  process.env.SWITCHYARD_DATA_DIR = dataDir;
  delete process.env.SWITCHYARD_INVENTORY;
  delete process.env.SWITCHYARD_URL;
  return {
    async dispose() {
      (await import('@/lib/store')).store().close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates these users (username, role, hosts or null for all) with a session each. */
export async function signUp(users: readonly (readonly [string, Role, readonly string[] | null])[]): Promise<void> {
  const { createUser } = await import('@/lib/auth/users');
  const { startSession } = await import('@/lib/auth/sessions');
  for (const [username, role, hosts] of users) {
    const u = await createUser({ username, role, hosts: hosts ? [...hosts] : null, password: 'a long enough password', mustChangePassword: false });
    sessions[username] = startSession(u.id, {});
  }
}

/** The next action comes from this user's browser (null: nobody signed in), from the console's own origin unless `over` says otherwise. */
export function signedInAs(username: string | null, over: Record<string, string> = {}): void {
  sessionCookie = username ? sessions[username] : undefined;
  requestHeaders = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'next-action': 'test', 'x-switchyard-peer': '127.0.0.1', ...over });
}
