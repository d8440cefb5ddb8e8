import { test as setup } from '@playwright/test';
import { e2eAccounts, signIn, usersCommand } from './accounts';

// Created with the users CLI against the running console's data directory, then signed in once.
setup('sign in the operator and the viewer', async ({ browser }) => {
  setup.setTimeout(180_000);
  const dataDir = process.env.SWITCHYARD_E2E_DATA_DIR!;
  for (const a of Object.values(e2eAccounts(dataDir))) {
    await usersCommand(dataDir, ['add', a.username, '--role', a.role, '--password-stdin'], `${a.password}\n`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, a.username, a.password);
    await context.storageState({ path: a.state });
    await context.close();
  }
});
