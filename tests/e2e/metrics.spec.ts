import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { usersCommand } from './accounts';
import { apiClients, apiToken, e2eDataDir } from './api-clients';
import { freePort } from './free-port';
import { startOwnConsole } from './own-console';

// GET /metrics on the e2e console (the embedded simulated network), read the way Prometheus reads
// it: with an admin's API token, parsed by a Prometheus text-format parser.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const clients = apiClients();
const apiAs = clients.as;
let adminApi: APIRequestContext;
let viewerApi: APIRequestContext;
let operatorApi: APIRequestContext;
let anonymousApi: APIRequestContext;

const exportOn2411 = { kind: 'export', iface: 'eth0', port: 2411, proto: 'tcp', target: 'a1:4422', id: 'metrics-web' };

/** A scrape as Prometheus makes it: the families, parsed. */
async function scrape(): Promise<ParsedFamily[]> {
  const r = await adminApi.get('/metrics');
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await r.text());
}

const family = (families: ParsedFamily[], name: string): ParsedFamily => {
  const f = families.find((x) => x.name === name);
  if (!f) throw new Error(`no family ${name} in the scrape (have: ${families.map((x) => x.name).join(', ')})`);
  return f;
};

/** The value of one series, found by its labels (all of them given). */
const valueOf = (f: ParsedFamily, labels: Record<string, string>): string | undefined =>
  f.metrics.find((m) => JSON.stringify(Object.entries(m.labels ?? {}).sort()) === JSON.stringify(Object.entries(labels).sort()))?.value;

test.beforeAll(async ({ baseURL }) => {
  await usersCommand(e2eDataDir(), ['add', 'metrics-admin', '--role', 'admin', '--password-stdin'], 'metrics admin password 1\n');
  await usersCommand(e2eDataDir(), ['add', 'metrics-viewer', '--role', 'viewer', '--password-stdin'], 'metrics viewer password 1\n');
  await usersCommand(e2eDataDir(), ['add', 'metrics-operator', '--role', 'operator', '--password-stdin'], 'metrics operator password 1\n');
  adminApi = await apiAs(baseURL!, await apiToken('metrics-admin', 'metrics e2e'));
  viewerApi = await apiAs(baseURL!, await apiToken('metrics-viewer', 'metrics e2e'));
  operatorApi = await apiAs(baseURL!, await apiToken('metrics-operator', 'metrics e2e'));
  anonymousApi = await apiAs(baseURL!);
});

test.afterAll(async () => {
  // Leave the shared simulated network as found, even when a test failed half way.
  const listed = adminApi ? await adminApi.get('/api/v1/bindings?host=host2') : null;
  for (const b of listed?.ok() ? ((await listed.json()) as { bindings: { id: string; revision: number }[] }).bindings : []) {
    if (b.id.startsWith('metrics-')) await adminApi.delete(`/api/v1/hosts/host2/bindings/${b.id}?revision=${b.revision}`);
  }
  await clients.disposeAll();
});

test('anonymous callers, viewers and operators are refused /metrics; a browser without a session is not sent to /login', async ({ page }) => {
  const anonymous = await anonymousApi.get('/metrics', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe('unauthenticated');
  const forged = await (await apiAs(test.info().project.use.baseURL!, 'syt_not-a-real-token')).get('/metrics', { maxRedirects: 0 });
  expect(forged.status()).toBe(401);
  for (const api of [viewerApi, operatorApi]) {
    const r = await api.get('/metrics');
    expect(r.status()).toBe(403);
    expect((await r.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('needs the admin role') });
  }
  // The page's context carries the e2e operator's session cookie: still not an admin.
  const cookie = await page.request.get('/metrics');
  expect(cookie.status()).toBe(403);
});

test("an admin's token scrapes the simulated network: hosts, the new binding's series, and the change's programming latency", async () => {
  const created = await adminApi.post('/api/v1/hosts/host2/bindings', { data: exportOn2411 });
  expect(created.status()).toBe(201);
  const { binding } = await created.json();

  const families = await scrape();
  const reachable = family(families, 'switchyard_host_reachable');
  expect(reachable.type).toBe('GAUGE');
  expect(valueOf(reachable, { host: 'host1', transport: 'sim' })).toBe('1');
  expect(valueOf(reachable, { host: 'host2', transport: 'sim' })).toBe('1');
  // Both sessions are up: each host is seen now.
  expect(valueOf(family(families, 'switchyard_host_last_seen_age_seconds'), { host: 'host2' })).toBe('0');

  const ours = { host: 'host2', binding: 'metrics-web', kind: 'export' };
  const connections = family(families, 'switchyard_binding_connections_total');
  expect(connections.type).toBe('COUNTER');
  expect(valueOf(connections, ours)).toBe('0');
  for (const direction of ['to_target', 'from_target']) {
    expect(valueOf(family(families, 'switchyard_binding_bytes_total'), { ...ours, direction })).toBe('0');
    expect(valueOf(family(families, 'switchyard_binding_packets_total'), { ...ours, direction })).toBe('0');
  }
  const state = family(families, 'switchyard_binding_kernel_state');
  expect(valueOf(state, { ...ours, state: 'active' })).toBe('1');
  expect(valueOf(state, { ...ours, state: 'drifted' })).toBe('0');
  expect(valueOf(state, { ...ours, state: 'missing' })).toBe('0');

  const programming = family(families, 'switchyard_change_programming_duration_seconds');
  expect(programming.type).toBe('HISTOGRAM');
  expect(Number(programming.metrics[0]?.count)).toBeGreaterThanOrEqual(1);
  expect(Number(programming.metrics[0]?.sum)).toBeGreaterThan(0);
  expect(Number(programming.metrics[0]?.buckets?.['+Inf'])).toBe(Number(programming.metrics[0]?.count));

  // Removed: its series are gone from the next scrape, and the histogram counted that change too.
  const removed = await adminApi.delete(`/api/v1/hosts/host2/bindings/metrics-web?revision=${binding.revision}`);
  expect(removed.status()).toBe(200);
  const after = await scrape();
  expect(family(after, 'switchyard_binding_connections_total').metrics.map((m) => m.labels?.binding)).not.toContain('metrics-web');
  expect(family(after, 'switchyard_binding_kernel_state').metrics.map((m) => m.labels?.binding)).not.toContain('metrics-web');
  expect(Number(family(after, 'switchyard_change_programming_duration_seconds').metrics[0]?.count)).toBeGreaterThanOrEqual(Number(programming.metrics[0]?.count) + 1);
});

test('with SWITCHYARD_METRICS_LISTEN a console also serves /metrics on loopback without credentials, to loopback names only', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'switchyard-metrics-e2e-'));
  const listenPort = await freePort();
  const own = await startOwnConsole({ SWITCHYARD_DATA_DIR: dir, SWITCHYARD_INVENTORY: '', SWITCHYARD_URL: '', SWITCHYARD_METRICS_LISTEN: `127.0.0.1:${listenPort}` });
  const listener = await apiAs(`http://127.0.0.1:${listenPort}`);
  try {
    await expect
      .poll(async () => {
        const r = await listener.get('/metrics');
        if (r.status() !== 200) return `status ${r.status()}`;
        const reachable = parsePrometheusTextFormat(await r.text()).find((f) => f.name === 'switchyard_host_reachable');
        return reachable ? ['host1', 'host2'].map((host) => valueOf(reachable, { host, transport: 'sim' })) : 'no switchyard_host_reachable';
      }, { timeout: 60_000 })
      .toEqual(['1', '1']);
    const rebound = await listener.get('/metrics', { headers: { host: `evil.example:${listenPort}` } });
    expect(rebound.status()).toBe(403);
    // The console's own port still wants an admin.
    const anonymous = await (await apiAs(own.url)).get('/metrics', { maxRedirects: 0 });
    expect(anonymous.status()).toBe(401);
  } finally {
    await own.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
