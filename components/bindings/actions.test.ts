import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
// The actions run for real on the embedded simulated network and a real store; only Next's request scope is stood in for.
vi.mock('next/headers', () => import('@/tests/unit/action-request'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
import { signUp, signedInAs, useScratchStore } from '@/tests/unit/action-request';

const scratch = useScratchStore('sy-actions-');

const { createBinding, previewBinding } = await import('./actions');
const { store } = await import('@/lib/store');
const { listAudit } = await import('@/lib/audit');
const { runEngine } = await import('@/lib/hosts');
const { loadInventory } = await import('@/lib/console/load-inventory');

const webExport = { kind: 'export', host: 'host2', iface: 'eth0', port: '2211', proto: 'tcp', target: 'a1:4422', id: 'web', masquerade: true };
/** What the host itself holds, asked through its session. */
const bindingsOn = async (host: string): Promise<string[]> => {
  const entry = (await loadInventory()).hosts.find((h) => h.name === host)!;
  const r = await runEngine(entry, ['list']);
  return (JSON.parse(r.stdout) as { bindings: { id: string }[] }).bindings.map((b) => b.id);
};

describe('binding actions', () => {
  beforeAll(() =>
    signUp([
      ['olga', 'operator', null],
      ['vic', 'viewer', null],
      ['lena', 'operator', ['host1']],
    ]),
  );
  afterAll(() => scratch.dispose());
  beforeEach(() => signedInAs('olga'));

  it('refuses a bad port before asking any host, naming the field, and records the refusal', async () => {
    const r = await createBinding({ ...webExport, port: '99999', id: 'bad-port' });
    expect(r).toMatchObject({ ok: false, errors: { Port: ['must be a port number from 1 to 65535'] } });
    expect(r.message).toMatch(/Port: must be a port number/);
    expect(listAudit({ user: 'olga' })[0]).toMatchObject({ action: 'create', outcome: 'refused', message: expect.stringMatching(/Port/) });
  });

  it('names every invalid field of an import', async () => {
    const r = await createBinding({ kind: 'import', host: 'host1', address: '10.2.1', port: '3322', proto: 'sctp', target: 'host3', id: 'H3' });
    expect(Object.keys(r.ok ? {} : r.errors).sort()).toEqual(['Exposed address', 'Id', 'Protocol', 'Target']);
  });

  it('previews the plan without changing the host, then creates the export, audited with who and from where', async () => {
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
    expect(listAudit({ binding: 'web' })[0]).toMatchObject({ username: 'olga', address: '127.0.0.1', host: 'host2', action: 'export', targetBefore: null, targetAfter: 'a1:4422', outcome: 'ok' });
  });

  it('passes on the host’s refusal in plain words naming the field, and records it', async () => {
    const r = await createBinding({ ...webExport, id: 'web-again' });
    expect(r).toMatchObject({ ok: false, errors: { Port: [expect.stringMatching(/already bound by "web"/)] } });
    expect(listAudit({ binding: 'web-again' })[0]).toMatchObject({ username: 'olga', outcome: 'refused' });
    const unknown = await createBinding({ ...webExport, port: '2212', id: 'nowhere', target: 'nowhere:80' });
    expect(unknown).toMatchObject({ ok: false, errors: { Target: [expect.stringMatching(/cannot resolve "nowhere"/)] } });
  });

  it('lets a viewer change nothing, and records the refusal', async () => {
    signedInAs('vic');
    const r = await createBinding({ ...webExport, port: '2299', id: 'viewer-try' });
    expect(r).toMatchObject({ ok: false, refused: 'forbidden', message: expect.stringMatching(/vic \(viewer\)/) });
    expect(await previewBinding({ ...webExport, port: '2299', id: 'viewer-try' })).toMatchObject({ ok: false, refused: 'forbidden' });
    expect(await bindingsOn('host2')).not.toContain('viewer-try');
    expect(listAudit({ user: 'vic' }).map((e) => e.action)).toEqual(['preview', 'create']);
    expect(listAudit({ user: 'vic' })[1]).toMatchObject({ host: 'host2', action: 'create', outcome: 'refused', message: expect.stringMatching(/^forbidden/) });
  });

  it('lets an operator limited to host1 change host1 only', async () => {
    signedInAs('lena');
    expect(await createBinding({ ...webExport, port: '2298', id: 'lena-try' })).toMatchObject({ ok: false, refused: 'forbidden', message: expect.stringMatching(/only host1/) });
    expect(await bindingsOn('host2')).not.toContain('lena-try');
    expect(await createBinding({ ...webExport, host: 'host1', iface: '', port: '2298', id: 'lena-ok' })).toMatchObject({ ok: true });
  });

  it('refuses anyone not signed in, a foreign Origin and a foreign Host, changing nothing', async () => {
    signedInAs(null);
    expect(await createBinding({ ...webExport, port: '2297', id: 'anon' })).toMatchObject({ ok: false, refused: 'unauthenticated' });
    signedInAs('olga', { origin: 'http://evil.example' });
    expect(await createBinding({ ...webExport, port: '2297', id: 'csrf' })).toMatchObject({ ok: false, refused: 'bad-origin' });
    signedInAs('olga', { host: 'evil.example:3000', origin: 'http://evil.example:3000' });
    expect(await createBinding({ ...webExport, port: '2297', id: 'rebound' })).toMatchObject({ ok: false, refused: 'bad-origin' });
    signedInAs('olga');
    expect(await bindingsOn('host2')).toEqual(['web']);
  });

  it('makes no change when the audit trail cannot be written, and says so', async () => {
    store().exec('ALTER TABLE audit RENAME TO audit_away');
    try {
      const r = await createBinding({ ...webExport, port: '2296', id: 'unaudited' });
      expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing changed: the audit trail could not be written/) });
    } finally {
      store().exec('ALTER TABLE audit_away RENAME TO audit');
    }
    expect(await bindingsOn('host2')).not.toContain('unaudited');
  });
});
