import { expect, test } from '@playwright/test';
import { execa } from 'execa';
import { cliPath, machine, stateDirOf } from '@/lib/lab';
import { signIn } from './accounts';
import { askFromLab, labOperator, startLabConsole, type LabConsole } from './lab-console';
import { ConsolePage } from './console-page';

// The seed page through the console, on the real lab (network namespaces, real iptables, real TCP).
// This file brings the lab up and down itself and starts its own console against the lab's inventory.
// The lab's hosts already hold their overlay addresses (10.2.1.3, 10.2.1.132) on their weave bridges,
// which is all an export or an import needs.
test.describe.configure({ mode: 'serial' });

let lab: LabConsole | undefined;
let consoleUrl = '';
const operator = labOperator;
const ask = askFromLab;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  lab = await startLabConsole();
  consoleUrl = lab.url;
});

test.afterAll(async () => {
  await lab?.stop();
});

test('exports a1 on host2 from the form; a real client in sy-world reaches a1', async ({ page }) => {
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  // host2 is reached over ssh (the lab's sshd in its namespace), host1 through `ip netns exec`.
  await expect(page.locator('[aria-label="host host2"]')).toContainText('ssh');
  await expect(page.locator('[aria-label="host host1"]')).toContainText('netns');
  expect(await ask('sy-world', '192.168.1.2', 2211)).toMatchObject({ ok: false });

  await c.createBinding('export', { host: 'host2', front: 'eth0', port: '2211', target: 'a1:4422', id: 'web' });
  await expect(c.edge('binding web: host2 eth0:2211 → a1:4422')).toHaveCount(1);
  expect(await ask('sy-world', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
});

test('imports host3 on host1, routes it from host2:4433, then drags the import onto host4: the same route reaches host4', async ({ page }) => {
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  await c.createBinding('import', { host: 'host1', front: '10.2.1.3', port: '3322', target: '192.168.1.3:2211', id: 'h3' });
  await c.createBinding('export', { host: 'host2', front: 'eth0', port: '4433', target: '10.2.1.3:3322', id: 'route-h3' });
  await expect(c.edge('binding route-h3: host2 eth0:4433 → 10.2.1.3:3322')).toHaveCount(1);
  expect(await ask('sy-world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host3: Hello, world.' });

  await c.rebindByDrag('binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211', 'service:host4', 2211);
  await expect(c.edge('binding h3: host1 10.2.1.3:3322 → 192.168.4.4:2211')).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Rebound h3 on host1 to 192.168.4.4:2211.');
  expect(await ask('sy-world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
  // The route itself did not change: same front, same target, same id.
  await expect(c.edge('binding route-h3: host2 eth0:4433 → 10.2.1.3:3322')).toHaveCount(1);
});

test('a rebind made with the CLI on a lab host appears in the open page without a reload; real traffic follows', async ({ page }) => {
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  await expect(c.edge('binding h3: host1 10.2.1.3:3322 → 192.168.4.4:2211')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { openedBefore: boolean }).openedBefore = true));

  // Behind the console's back: the CLI in host1's namespace, as an operator on that host would.
  const cli = await execa('ip', ['netns', 'exec', machine('host1').namespace, 'env', 'SWITCHYARD_HOSTNAME=host1', process.execPath, cliPath, '--state-dir', stateDirOf('host1'), '--json', 'rebind', 'h3', '--to', '192.168.1.3:2211'], { reject: false });
  expect(cli.exitCode, cli.stderr).toBe(0);

  await expect(c.edge('binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211')).toHaveCount(1);
  await expect(c.edge('binding h3: host1 10.2.1.3:3322 → 192.168.4.4:2211')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { openedBefore?: boolean }).openedBefore)).toBe(true);
  expect(await ask('sy-world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
});
