import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eAccounts } from './tests/e2e/accounts';

// One free loopback port for the whole run. Workers load this file again, so the choice is
// kept in the environment they inherit.
process.env.SWITCHYARD_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
const port = Number(process.env.SWITCHYARD_E2E_PORT);
// A fresh console data directory per run (users, sessions, audit), named after the run's port. The
// console creates it; the global teardown removes it (a leftover of an aborted run is cleared here).
if (!process.env.SWITCHYARD_E2E_DATA_DIR) {
  process.env.SWITCHYARD_E2E_DATA_DIR = path.join(tmpdir(), `switchyard-e2e-${port}`);
  for (const d of [process.env.SWITCHYARD_E2E_DATA_DIR, `${process.env.SWITCHYARD_E2E_DATA_DIR}-browser`]) rmSync(d, { recursive: true, force: true });
}
const dataDir = process.env.SWITCHYARD_E2E_DATA_DIR;

/** Debian's Chromium, headless, with nothing phoning home. */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 120_000,
  // Generous: the machine running the tests may be busy, and Argon2id sign-ins are slow by design.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
  },
  globalTeardown: './tests/e2e/global-teardown.ts',
  projects: [
    // Signs in the operator and viewer the specs use (created with `npm run users`), once per run.
    { name: 'accounts', testMatch: /accounts\.setup\.ts$/ },
    // The embedded simulated network: no root needed. Pages open signed in as the operator.
    { name: 'sim', testIgnore: /lab\.spec\.ts$/, dependencies: ['accounts'], use: { storageState: e2eAccounts(dataDir).operator.state } },
    // The real lab in network namespaces (root); it starts its own console against the lab's inventory.
    { name: 'lab', testMatch: /lab\.spec\.ts$/, timeout: 240_000 },
  ],
  webServer: {
    command: 'npm start',
    url: `http://localhost:${port}`,
    env: { PORT: String(port), SWITCHYARD_INVENTORY: '', SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_URL: '' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
