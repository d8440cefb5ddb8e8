import { expect, test, type APIRequestContext } from '@playwright/test';
import { openStore } from '@/lib/store/db';
import { listAudit } from '@/lib/audit';
import { ConsolePage } from './console-page';
import { usersCommand } from './accounts';
import { apiClients, apiToken, e2eDataDir } from './api-clients';

// The JSON API on the e2e console (the embedded simulated network), with tokens made by the
// users CLI against its data directory. Every request comes from a fresh context without the
// browser's cookies, so only the bearer token speaks for it.
// Generous: users CLI runs and page loads take seconds each on a loaded shared machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const clients = apiClients();
const apiAs = clients.as;
let operatorApi: APIRequestContext;
let viewerApi: APIRequestContext;
let anonymousApi: APIRequestContext;

type ApiBinding = { host: string; id: string; revision: number; target: { name: string; port: number } };

async function bindingsOn(api: APIRequestContext, host: string): Promise<ApiBinding[]> {
  const r = await api.get(`/api/v1/bindings?host=${host}`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { bindings: ApiBinding[] }).bindings;
}

const webOn2311 = { kind: 'export', iface: 'eth0', port: 2311, proto: 'tcp', target: 'a1:4422', id: 'api-web' };

test.beforeAll(async ({ baseURL }) => {
  await usersCommand(e2eDataDir(), ['add', 'api-bot', '--role', 'operator', '--password-stdin'], 'api bot password 1\n');
  await usersCommand(e2eDataDir(), ['add', 'api-watcher', '--role', 'viewer', '--password-stdin'], 'api watcher password 1\n');
  operatorApi = await apiAs(baseURL!, await apiToken('api-bot'));
  viewerApi = await apiAs(baseURL!, await apiToken('api-watcher'));
  anonymousApi = await apiAs(baseURL!);
});

test.afterAll(async () => {
  // Leave the shared simulated network as found, even when a test failed half way.
  for (const b of operatorApi ? await bindingsOn(operatorApi, 'host2') : []) {
    if (b.id.startsWith('api-')) await operatorApi.delete(`/api/v1/hosts/host2/bindings/${b.id}?revision=${b.revision}`);
  }
  await clients.disposeAll();
});

test('an operator token creates, rebinds and removes a binding, seen through GET and on the page', async ({ page }) => {
  const hosts = await operatorApi.get('/api/v1/hosts');
  expect(hosts.status()).toBe(200);
  expect((await hosts.json()).hosts).toContainEqual(expect.objectContaining({ name: 'host2', reachable: true, mayChange: true }));

  const created = await operatorApi.post('/api/v1/hosts/host2/bindings', { data: webOn2311 });
  expect(created.status()).toBe(201);
  const { binding } = await created.json();
  expect(binding).toMatchObject({ id: 'api-web', kind: 'export', target: { name: 'a1', port: 4422 } });
  expect((await bindingsOn(operatorApi, 'host2')).find((b) => b.id === 'api-web')).toMatchObject({ host: 'host2', target: { name: 'a1', port: 4422 }, revision: binding.revision });
  const c = new ConsolePage(page);
  await c.open();
  await expect(c.edge('binding api-web: host2 eth0:2311 → a1:4422')).toHaveCount(1);

  const rebound = await operatorApi.put('/api/v1/hosts/host2/bindings/api-web', { data: { target: 'a2:4422', revision: binding.revision } });
  expect(rebound.status()).toBe(200);
  const after = (await rebound.json()).binding;
  expect(after).toMatchObject({ id: 'api-web', target: { name: 'a2', port: 4422 } });
  expect(after.revision).toBeGreaterThan(binding.revision);
  // The revision read before the rebind is stale now.
  const stale = await operatorApi.put('/api/v1/hosts/host2/bindings/api-web', { data: { target: 'a1:4422', revision: binding.revision } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: 'stale', field: 'revision' });
  expect((await bindingsOn(operatorApi, 'host2')).find((b) => b.id === 'api-web')?.target).toMatchObject({ name: 'a2', port: 4422 });
  await c.open();
  await expect(c.edge('binding api-web: host2 eth0:2311 → a2:4422')).toHaveCount(1);

  const removed = await operatorApi.delete(`/api/v1/hosts/host2/bindings/api-web?revision=${after.revision}`);
  expect(removed.status()).toBe(200);
  expect((await bindingsOn(operatorApi, 'host2')).map((b) => b.id)).not.toContain('api-web');
  await c.open();
  await expect(page.locator('[aria-label^="binding api-web:"]')).toHaveCount(0);
  const again = await operatorApi.delete(`/api/v1/hosts/host2/bindings/api-web?revision=${after.revision}`);
  expect(again.status()).toBe(404);
  expect((await again.json()).error).toMatchObject({ code: 'not-found', field: 'id' });

  // The same audit trail as the forms: intent and outcome under the token owner's name.
  const db = openStore(e2eDataDir());
  try {
    const trail = listAudit({ user: 'api-bot', binding: 'api-web' }, db).map((e) => [e.action, e.outcome, e.targetBefore, e.targetAfter]);
    expect(trail).toEqual([
      ['remove', 'refused', null, null],
      ['remove', 'ok', 'a2:4422', null],
      ['rebind', 'refused', 'a2:4422', 'a1:4422'],
      ['rebind', 'ok', 'a1:4422', 'a2:4422'],
      ['export', 'ok', null, 'a1:4422'],
    ]);
  } finally {
    db.close();
  }
});

test('the API checks input as the forms do, naming the field, and changes nothing', async () => {
  const bad = await operatorApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, port: 70000, id: 'api-bad' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toEqual({ code: 'bad-input', field: 'port', message: 'Nothing changed. Port: must be a port number from 1 to 65535.' });
  const notJson = await operatorApi.post('/api/v1/hosts/host2/bindings', { data: 'port=2311', headers: { 'content-type': 'text/plain' } });
  expect(notJson.status()).toBe(400);
  const noRevision = await operatorApi.delete('/api/v1/hosts/host2/bindings/api-bad');
  expect((await noRevision.json()).error).toMatchObject({ code: 'bad-input', field: 'revision' });
  const noHost = await operatorApi.post('/api/v1/hosts/host9/bindings', { data: webOn2311 });
  expect(noHost.status()).toBe(404);
  expect((await noHost.json()).error).toMatchObject({ code: 'not-found', field: 'host' });
  expect((await bindingsOn(operatorApi, 'host2')).map((b) => b.id)).not.toContain('api-bad');
});

test("a viewer's token reads but cannot create, rebind or remove (403), and nothing changes", async () => {
  const created = await operatorApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, id: 'api-keep' } });
  expect(created.status()).toBe(201);
  const { binding } = await created.json();
  const before = await bindingsOn(viewerApi, 'host2');
  expect(before.map((b) => b.id)).toContain('api-keep');
  expect((await (await viewerApi.get('/api/v1/hosts')).json()).hosts.every((h: { mayChange: boolean }) => !h.mayChange)).toBe(true);

  const attempts = [
    await viewerApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, port: 2312, id: 'api-viewer' } }),
    await viewerApi.put('/api/v1/hosts/host2/bindings/api-keep', { data: { target: 'a2:4422', revision: binding.revision } }),
    await viewerApi.delete(`/api/v1/hosts/host2/bindings/api-keep?revision=${binding.revision}`),
  ];
  for (const r of attempts) {
    expect(r.status()).toBe(403);
    expect((await r.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('api-watcher (viewer)') });
  }
  expect(await bindingsOn(viewerApi, 'host2')).toEqual(before);

  const removed = await operatorApi.delete(`/api/v1/hosts/host2/bindings/api-keep?revision=${binding.revision}`);
  expect(removed.status()).toBe(200);
});

test('anonymous requests to every API route are refused (401) and change nothing', async () => {
  const created = await operatorApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, id: 'api-anon' } });
  const { binding } = await created.json();
  const before = await bindingsOn(operatorApi, 'host2');
  const forged = await apiAs(test.info().project.use.baseURL!, 'syt_not-a-real-token');
  for (const api of [anonymousApi, forged]) {
    const attempts = [
      await api.get('/api/v1/hosts'),
      await api.get('/api/v1/bindings'),
      await api.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, port: 2313, id: 'api-anon-2' } }),
      await api.put('/api/v1/hosts/host2/bindings/api-anon', { data: { target: 'a2:4422', revision: binding.revision } }),
      await api.delete(`/api/v1/hosts/host2/bindings/api-anon?revision=${binding.revision}`),
    ];
    for (const r of attempts) {
      expect(r.status(), r.url()).toBe(401);
      expect((await r.json()).error.code).toBe('unauthenticated');
    }
  }
  expect(await bindingsOn(operatorApi, 'host2')).toEqual(before);
  expect((await operatorApi.delete(`/api/v1/hosts/host2/bindings/api-anon?revision=${binding.revision}`)).status()).toBe(200);
});

test("a session cookie works for the API only from the console's own origin; a cookie-carried change from elsewhere is refused", async ({ page, baseURL }) => {
  // The page's context carries the operator's session cookie (the sim project signs it in).
  const cookieApi = page.request;
  const listed = await cookieApi.get('/api/v1/bindings?host=host2');
  expect(listed.status()).toBe(200);
  const before = await bindingsOn(operatorApi, 'host2');
  const origins: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: 'null' }, {}];
  for (const headers of origins) {
    const r = await cookieApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, id: 'api-csrf' }, headers });
    expect(r.status(), JSON.stringify(headers)).toBe(403);
    expect((await r.json()).error.code).toBe('bad-origin');
  }
  expect(await bindingsOn(operatorApi, 'host2')).toEqual(before);
  const own = await cookieApi.post('/api/v1/hosts/host2/bindings', { data: { ...webOn2311, id: 'api-cookie' }, headers: { origin: new URL(baseURL!).origin } });
  expect(own.status()).toBe(201);
  const { binding } = await own.json();
  const removed = await cookieApi.delete(`/api/v1/hosts/host2/bindings/api-cookie?revision=${binding.revision}`, { headers: { origin: new URL(baseURL!).origin } });
  expect(removed.status()).toBe(200);
});
