import { expect, test } from '@playwright/test';
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliPath, machine, stateDirOf } from '@/lib/lab';
import { pidDir } from '@/lib/lab/paths';
import { startService, stopProcess } from '@/lib/lab/services';
import { signIn } from './accounts';
import { askFromLab, labOperator, startLabConsole, type LabConsole } from './lab-console';
import { ConsolePage } from './console-page';

// The truthful picture on the real lab, through the console in Chromium: a rule deleted by hand is
// shown with that rule and repaired; a DNAT rule written by hand is shown as foreign and adopted
// with the operator's id; a target that stops answering is shown failing. Real iptables, real TCP.
test.describe.configure({ mode: 'serial' });

let lab: LabConsole | undefined;
let consoleUrl = '';
const operator = labOperator;
const ask = askFromLab;

/** The engine CLI in host1's namespace, as an operator on that host would run it. */
async function onHost1(args: string[]): Promise<unknown> {
  const r = await execa('ip', ['netns', 'exec', machine('host1').namespace, 'env', 'SWITCHYARD_HOSTNAME=host1', process.execPath, cliPath, '--state-dir', stateDirOf('host1'), '--json', ...args], { reject: false });
  if (r.exitCode !== 0) throw new Error(`switchyard ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** iptables by hand in host1's namespace (argument array, no shell). */
async function iptablesOnHost1(args: string[]): Promise<void> {
  const r = await execa('ip', ['netns', 'exec', machine('host1').namespace, 'iptables', '-w', '-t', 'nat', ...args], { reject: false });
  if (r.exitCode !== 0) throw new Error(`iptables ${args.join(' ')} failed: ${r.stderr}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  lab = await startLabConsole({ SWITCHYARD_PROBE_INTERVAL_MS: '1000' });
  consoleUrl = lab.url;
});

test.afterAll(async () => {
  await lab?.stop();
});

test('a DNAT rule deleted by hand is shown with that rule; Repair puts it back and a real client answers again', async ({ page }) => {
  await onHost1(['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'h3']);
  const status = (await onHost1(['status'])) as { bindings: { id: string; rules: string[] }[] };
  const dnat = status.bindings.find((b) => b.id === 'h3')!.rules.find((r) => /-j DNAT/.test(r))!;
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  const edge = 'binding h3: host1 10.2.1.3:3322 → 192.168.1.3:2211';
  await expect(c.edge(edge)).toHaveCount(1);
  expect(await ask('sy-a2', '10.2.1.3', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });

  await iptablesOnHost1(dnat.replace(/^-A /, '-D ').split(' ').map((t) => t.replace(/^"|"$/g, '')));
  expect(await ask('sy-a2', '10.2.1.3', 3322)).toMatchObject({ ok: false });
  // The header counts it and leads to it; the inspector names the very rule.
  await page.getByRole('button', { name: /^1 drifted binding/ }).click();
  const inspector = page.getByRole('region', { name: 'Inspector: binding h3' });
  await expect(inspector.getByRole('list', { name: 'Missing from the kernel' })).toContainText(dnat);
  await inspector.getByRole('button', { name: 'Repair', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Repaired h3 on host1');
  await expect(page.getByRole('button', { name: /drifted binding/ })).toHaveCount(0);
  await expect(inspector.getByRole('group', { name: 'Drift' })).toHaveCount(0);
  expect(await ask('sy-a2', '10.2.1.3', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
});

test('a DNAT rule written by hand is drawn as foreign; Adopt with a chosen id makes it a binding that keeps answering', async ({ page }) => {
  // The seed page's import, by hand, with what the lab's FORWARD (policy DROP) and host3's routing need for it.
  await iptablesOnHost1(['-A', 'PREROUTING', '-d', '10.2.1.3', '-p', 'tcp', '--dport', '5555', '-j', 'DNAT', '--to-destination', '192.168.1.3:2211']);
  await iptablesOnHost1(['-A', 'POSTROUTING', '-d', '192.168.1.3', '-p', 'tcp', '--dport', '2211', '-j', 'MASQUERADE']);
  for (const rule of [['-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT'], ['-d', '192.168.1.3', '-p', 'tcp', '--dport', '2211', '-j', 'ACCEPT']]) {
    const r = await execa('ip', ['netns', 'exec', machine('host1').namespace, 'iptables', '-w', '-I', 'FORWARD', ...rule], { reject: false });
    if (r.exitCode !== 0) throw new Error(`iptables -I FORWARD failed: ${r.stderr}`);
  }
  expect(await ask('sy-a2', '10.2.1.3', 5555)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  const foreign = page.locator('.react-flow__edge[aria-label^="foreign rule "][aria-label$=": host1 10.2.1.3:5555 → 192.168.1.3:2211"]');
  await expect(foreign).toHaveCount(1);
  const foreignId = await foreign.getAttribute('data-id');
  await expect(page.locator(`[data-edge-label="${foreignId}"]`)).toContainText('foreign');
  await foreign.focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: /^Inspector: foreign rule f-/ });
  await expect(inspector).toContainText('PREROUTING');
  await expect(inspector).toContainText('import tcp 10.2.1.3:5555 → 192.168.1.3:2211');
  await inspector.getByLabel('Binding id').fill('h3-direct');
  await inspector.getByRole('button', { name: 'Adopt', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('as binding h3-direct');
  await expect(c.edge('binding h3-direct: host1 10.2.1.3:5555 → 192.168.1.3:2211')).toHaveCount(1);
  await expect(foreign).toHaveCount(0);
  expect(await ask('sy-a2', '10.2.1.3', 5555)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  const listed = (await onHost1(['list'])) as { bindings: { id: string; state: string }[] };
  expect(listed.bindings.find((b) => b.id === 'h3-direct')).toMatchObject({ state: 'active' });
});

test('a target that stops answering is shown failing on its edge and in the inspector, though its rules are active', async ({ page }) => {
  await signIn(page, operator.username, operator.password, `${consoleUrl}login`);
  const c = new ConsolePage(page);
  await c.open(consoleUrl);
  // h3 and the adopted h3-direct join the same two endpoints, so they are drawn as one bundle:
  // selecting h3-direct's row in the bindings table draws them one by one and inspects it.
  await page.getByRole('table', { name: 'Bindings' }).locator('tr[data-key="binding:host1/h3-direct"]').click();
  const inspector = page.getByRole('region', { name: 'Inspector: binding h3-direct' });
  await expect(inspector).toBeVisible();
  // Its label (drawn apart from the edge's path) carries its health dot.
  const edge = page.locator('[data-edge-label="binding:host1/h3-direct"]');
  await expect(edge.getByRole('img', { name: /^health: ok in/ })).toHaveCount(1);
  const pid = Number((await readFile(path.join(pidDir, 'host3-2211.pid'), 'utf8')).trim());
  await stopProcess(pid);
  try {
    await expect(edge.getByRole('img', { name: /^health: refused/ })).toHaveCount(1);
    await expect(edge).toContainText('failing');
    await expect(inspector.getByRole('definition').filter({ hasText: /^failing: refused/ })).toHaveCount(1);
    await expect(inspector).toContainText('active');
  } finally {
    await startService(machine('host3'), { port: 2211, proto: 'tcp' });
  }
  await expect(edge.getByRole('img', { name: /^health: ok in/ })).toHaveCount(1);
});
