import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The actions run for real on the embedded simulated network; only Next's request scope is stood in for.
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createBinding, previewBinding } = await import('./actions');

const webExport = { kind: 'export', host: 'host2', iface: 'eth0', port: '2211', proto: 'tcp', target: 'a1:4422', id: 'web', masquerade: true };

describe('binding actions', () => {
  beforeAll(async () => {
    process.env.SWITCHYARD_AUDIT_LOG = path.join(await mkdtemp(path.join(tmpdir(), 'sy-actions-')), 'audit.jsonl');
    delete process.env.SWITCHYARD_INVENTORY;
  });
  beforeEach(() => {
    requestHeaders = new Headers();
  });

  it('refuses a bad port before asking any host, naming the field', async () => {
    const r = await createBinding({ ...webExport, port: '99999', id: 'bad-port' });
    expect(r).toMatchObject({ ok: false, errors: { Port: ['must be a port number from 1 to 65535'] } });
    expect(r.message).toMatch(/Port: must be a port number/);
  });

  it('names every invalid field of an import', async () => {
    const r = await createBinding({ kind: 'import', host: 'host1', address: '10.2.1', port: '3322', proto: 'sctp', target: 'host3', id: 'H3' });
    expect(Object.keys(r.ok ? {} : r.errors).sort()).toEqual(['Exposed address', 'Id', 'Protocol', 'Target']);
  });

  it('previews the plan without changing the host, then creates the export', async () => {
    const plan = await previewBinding(webExport);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plan?.changes).toMatchObject([{ op: 'add', id: 'web' }]);
    expect(plan.plan?.script).toMatch(/DNAT --to-destination 10\.2\.1\.1:4422/);
    expect(plan.hosts).toBeUndefined();

    const created = await createBinding(webExport);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // The answer carries only the changed host, fresh from its session.
    expect(created.hosts?.map((h) => h.name)).toEqual(['host2']);
    const host2 = created.hosts?.[0];
    expect(host2?.reachable && host2.status.bindings.map((b) => [b.id, b.state])).toEqual([['web', 'active']]);
  });

  it('passes on the host’s refusal in plain words naming the field', async () => {
    const r = await createBinding({ ...webExport, id: 'web-again' });
    expect(r).toMatchObject({ ok: false, errors: { Port: [expect.stringMatching(/already bound by "web"/)] } });
    const unknown = await createBinding({ ...webExport, port: '2212', id: 'nowhere', target: 'nowhere:80' });
    expect(unknown).toMatchObject({ ok: false, errors: { Target: [expect.stringMatching(/cannot resolve "nowhere"/)] } });
  });

  it('lets a viewer change nothing', async () => {
    requestHeaders = new Headers({ 'x-switchyard-role': 'viewer' });
    const r = await createBinding({ ...webExport, port: '2299', id: 'viewer-try' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/viewer/) });
  });
});
