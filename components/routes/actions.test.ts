import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
// The route and hide actions run for real on the embedded simulated network and a real store; only
// Next's request scope is stood in for.
vi.mock('next/headers', () => import('@/tests/unit/action-request'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
import { signUp, signedInAs, useScratchStore } from '@/tests/unit/action-request';

const scratch = useScratchStore('sy-route-actions-');

const { createRouteAction, previewRouteAction, removeRouteAction } = await import('./actions');
const { hideAction } = await import('@/components/expose/hide-action');
const { listAudit } = await import('@/lib/audit');
const { runEngine } = await import('@/lib/hosts');
const { loadInventory } = await import('@/lib/console/load-inventory');

const bindingsOn = async (host: string): Promise<string[]> => {
  const entry = (await loadInventory()).hosts.find((h) => h.name === host)!;
  return (JSON.parse((await runEngine(entry, ['list'])).stdout) as { bindings: { id: string }[] }).bindings.map((b) => b.id);
};
const exposedOn = async (host: string): Promise<string[]> => {
  const entry = (await loadInventory()).hosts.find((h) => h.name === host)!;
  return (JSON.parse((await runEngine(entry, ['status'])).stdout) as { exposed: { cidr: string }[] }).exposed.map((e) => e.cidr);
};

const route = { entryHost: 'host2', iface: 'eth0', port: '4433', proto: 'tcp', service: '192.168.1.3:2211', throughHost: 'host1', address: '10.2.1.3', throughPort: '3322', id: 'h3' };

describe('route and hide actions', () => {
  beforeAll(() =>
    signUp([
      ['olga', 'operator', null],
      ['lena', 'operator', ['host1']],
    ]),
  );
  afterAll(() => scratch.dispose());
  beforeEach(() => signedInAs('olga'));

  it('refuses an operator who may change only one of the two hosts before either is changed', async () => {
    signedInAs('lena');
    const r = await createRouteAction(route);
    expect(r).toMatchObject({ ok: false, refused: 'forbidden' });
    expect(await bindingsOn('host1')).toEqual([]);
    expect(await bindingsOn('host2')).toEqual([]);
    expect(listAudit({ user: 'lena' })).toMatchObject([{ host: 'host2', action: 'route', outcome: 'refused' }]);
  });

  it('plans both hosts, then creates the route as two audited changes, the import first', async () => {
    const plan = await previewRouteAction(route);
    expect(plan).toMatchObject({ ok: true, message: 'Plan for route h3: 1 change on host1, 1 change on host2.' });
    expect(plan.plans?.map((p) => p.host)).toEqual(['host1', 'host2']);
    const r = await createRouteAction(route);
    expect(r).toMatchObject({ ok: true, message: 'Created route h3: export h3 on host2 → import h3-in on host1.' });
    expect(r.hosts?.map((h) => h.name).sort()).toEqual(['host1', 'host2']);
    expect(await bindingsOn('host1')).toEqual(['h3-in']);
    expect(await bindingsOn('host2')).toEqual(['h3']);
    expect(listAudit({ user: 'olga' }).slice(0, 2).reverse()).toMatchObject([
      { host: 'host1', action: 'import', binding: 'h3-in', outcome: 'ok' },
      { host: 'host2', action: 'export', binding: 'h3', outcome: 'ok' },
    ]);
  });

  it('refuses to hide an address the route uses, on the server, naming the bindings', async () => {
    const r = await hideAction({ host: 'host1', cidr: '10.2.1.3/16' });
    expect(r).toMatchObject({ ok: false, message: 'Nothing changed: 10.2.1.3 on host1 is still used by h3-in (import on host1), h3 (export on host2). Remove or rebind them first.' });
    expect(await exposedOn('host1')).toEqual(['10.2.1.3/16']);
    expect(listAudit({ host: 'host1' })[0]).toMatchObject({ action: 'hide', outcome: 'refused' });
  });

  it('rolls the import back when the entry host refuses the export', async () => {
    const r = await createRouteAction({ ...route, throughPort: '3323', id: 'h3-again' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Nothing changed: host2 refused the export\. .*already bound by "h3".* The import made first on host1 was removed again\.$/);
    expect(r.ok ? {} : r.errors).toEqual({ Port: [expect.stringMatching(/already bound by "h3"/)] });
    expect(await bindingsOn('host1')).toEqual(['h3-in']);
    expect(listAudit({ binding: 'h3-again-in' }).map((e) => [e.action, e.outcome])).toEqual([['remove', 'ok'], ['import', 'ok']]);
  });

  it('removes both halves, then hides the address', async () => {
    const r = await removeRouteAction({ members: [{ host: 'host2', id: 'h3', revision: 1 }, { host: 'host1', id: 'h3-in', revision: 1 }] });
    expect(r).toMatchObject({ ok: true, message: 'Removed h3 from host2 and h3-in from host1.', removed: [{ host: 'host2', id: 'h3' }, { host: 'host1', id: 'h3-in' }] });
    expect(await bindingsOn('host1')).toEqual([]);
    expect(await bindingsOn('host2')).toEqual([]);
    expect(await hideAction({ host: 'host1', cidr: '10.2.1.3/16' })).toMatchObject({ ok: true, message: 'host1 no longer exposes 10.2.1.3/16.' });
    expect(await exposedOn('host1')).toEqual([]);
  });
});
