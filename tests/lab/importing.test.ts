// Seed: "Importing Services" — HOST3's service, reachable only from HOST1, imported onto the overlay at 10.2.1.3:3322.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReport, StatusReport } from '@/lib/engine/model/report';
import { ask, switchyard, labBackends, useLab } from './lab-fixture';
import { exposeHost1, exposeHost2, ids, importHost3 } from './seed';

describe.each(labBackends)('Importing Services (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(async () => {
    await exposeHost1();
    await exposeHost2();
  });

  it('HOST3 is out of reach of the containers and of HOST2 before the import', async () => {
    expect(await ask('a2', '192.168.1.3', 2211, 'direct', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
    expect(await ask('host2', '192.168.1.3', 2211, 'direct', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
    expect(await ask('a2', 'host1', 3322)).toMatchObject({ ok: false });
  });

  it('`root@a2:/# echo "Hello, world." | nc host1 3322` is answered by HOST3', async () => {
    const report = (await importHost3()) as ChangeReport;
    expect(report.binding).toMatchObject({ id: ids.importNc, kind: 'import', front: { address: '10.2.1.3', port: 3322 } });
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('works from any application container: a1, on HOST1 itself', async () => {
    expect(await ask('a1', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('HOST1 reports its exposed address under the name the seed gave it', async () => {
    const r = await switchyard('host1', ['status']);
    expect(r.exitCode, r.stderr).toBe(0);
    // The lab gives host1 its overlay address itself (as Weave would), so Switchyard records that it did not add it.
    expect((r.json as StatusReport).exposed).toContainEqual({ cidr: '10.2.1.3/16', bridge: 'weave', name: 'host1.weave.local', preexisting: true });
  });

  it('works by the exposed name host1.weave.local too', async () => {
    expect(await ask('a2', 'host1.weave.local', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });
});
