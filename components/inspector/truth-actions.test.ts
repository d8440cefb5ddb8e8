import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
// Repair and Adopt run for real on the embedded simulated network (whose netfilter takes the same
// scripts a kernel does) and a real store; only Next's request scope is stood in for.
vi.mock('next/headers', () => import('@/tests/unit/action-request'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
import { signUp, signedInAs, useScratchStore } from '@/tests/unit/action-request';

const scratch = useScratchStore('sy-truth-actions-');

const { repairAction } = await import('./drift-actions');
const { adoptAction } = await import('./foreign-actions');
const { listAudit } = await import('@/lib/audit');
const { embeddedSimNetwork, runOnSimHost } = await import('@/lib/hosts/sim/sim-network');
// The console's hub builds the simulated network its sessions use; the test changes that same network by hand.
await (await import('@/lib/hub')).networkHub();

const simHost = async (name: string) => (await embeddedSimNetwork()).get(name)!;
/** Change a simulated host's netfilter behind Switchyard's back, as `iptables` by hand would. */
const byHand = async (host: string, lines: string[]) => {
  const r = await (await simHost(host)).runner.run('iptables-restore', ['--noflush'], { input: `*nat\n${lines.join('\n')}\nCOMMIT\n` });
  expect(r.exitCode, r.stderr).toBe(0);
};
const statusOf = async (host: string) => JSON.parse((await runOnSimHost(await simHost(host), ['status'])).stdout) as import('@/lib/engine/model/report').StatusReport;

describe('repair and adopt from the console', () => {
  beforeAll(() =>
    signUp([
      ['olga', 'operator', null],
      ['vic', 'viewer', null],
    ]),
  );
  afterAll(() => scratch.dispose());
  beforeEach(() => signedInAs('olga'));

  it('repairs a binding whose DNAT rule was deleted by hand: the fresh view is active again, and the repair is audited', async () => {
    expect((await runOnSimHost(await simHost('host1'), ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'h3'])).exitCode).toBe(0);
    const dnat = (await statusOf('host1')).bindings.find((b) => b.id === 'h3')!.rules.find((r) => /-j DNAT/.test(r))!;
    await byHand('host1', [dnat.replace(/^-A /, '-D ')]);
    const drifted = (await statusOf('host1')).bindings.find((b) => b.id === 'h3')!;
    expect(drifted.state).toBe('drifted');
    expect(drifted.drift!.missing).toContain(dnat);

    signedInAs('vic');
    expect(await repairAction({ host: 'host1', id: 'h3' })).toMatchObject({ ok: false, refused: 'forbidden' });
    expect((await statusOf('host1')).bindings.find((b) => b.id === 'h3')!.state).toBe('drifted');

    signedInAs('olga');
    const r = await repairAction({ host: 'host1', id: 'h3' });
    expect(r).toMatchObject({ ok: true, message: expect.stringMatching(/Repaired h3 on host1/) });
    const view = r.hosts?.find((h) => h.name === 'host1');
    expect(view?.status?.bindings.find((b) => b.id === 'h3')).toMatchObject({ state: 'active' });
    expect(listAudit({ binding: 'h3' })[0]).toMatchObject({ username: 'olga', host: 'host1', action: 'repair', outcome: 'ok' });
    expect(listAudit({ user: 'vic' })[0]).toMatchObject({ host: 'host1', action: 'repair', outcome: 'refused', message: expect.stringMatching(/^forbidden/) });
  });

  it('adopts a hand-written DNAT rule with the operator’s id; one of another system is refused with its reason', async () => {
    await byHand('host1', ['-A PREROUTING -d 10.2.1.3/32 -p tcp -m tcp --dport 5555 -j DNAT --to-destination 192.168.1.3:2211']);
    const foreign = (await statusOf('host1')).foreign.find((f) => f.adoptAs?.port === 5555)!;
    expect(foreign.adoptAs).toMatchObject({ kind: 'import', on: '10.2.1.3' });

    expect(await adoptAction({ host: 'host1', ref: foreign.ref, id: 'Bad Id' })).toMatchObject({ ok: false, errors: { Id: [expect.any(String)] } });
    const r = await adoptAction({ host: 'host1', ref: foreign.ref, id: 'h3-direct' });
    expect(r, r.message).toMatchObject({ ok: true });
    const after = await statusOf('host1');
    expect(after.bindings.find((b) => b.id === 'h3-direct')).toMatchObject({ kind: 'import', state: 'active', front: { address: '10.2.1.3', port: 5555 } });
    expect(after.foreign.some((f) => f.ref === foreign.ref)).toBe(false);
    expect(listAudit({ binding: 'h3-direct' })[0]).toMatchObject({ username: 'olga', host: 'host1', action: 'adopt', outcome: 'ok' });

    await byHand('host1', [':DOCKER - [0:0]', '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80']);
    const docker = (await statusOf('host1')).foreign.find((f) => f.chain === 'DOCKER')!;
    expect(docker).toMatchObject({ adoptAs: null, reason: expect.stringMatching(/Docker/) });
    const refused = await adoptAction({ host: 'host1', ref: docker.ref, id: 'docker-web' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be adopted: belongs to Docker/) });
    expect((await statusOf('host1')).bindings.some((b) => b.id === 'docker-web')).toBe(false);
  });
});
