// Seed: "Exporting Services" — a1's netcat service on HOST1, reached from the outside world via HOST2's eth0:2211.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReport, ListReport, StatusReport } from '@/lib/engine/model/report';
import { ask, switchyard, labBackends, useLab } from './lab-fixture';
import { exportA1, exposeHost2, ids } from './seed';

describe.each(labBackends)('Exporting Services (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(async () => {
    await exposeHost2();
  });

  it('the outside world cannot reach a1 through HOST2 before the export', async () => {
    expect(await ask('world', '192.168.1.2', 2211)).toMatchObject({ ok: false });
  });

  it('`echo "Hello, world." | nc $HOST2 2211` from the outside world is answered by a1', async () => {
    const report = (await exportA1()) as ChangeReport;
    // The name a1 resolved on HOST2 the way Weave DNS would answer it.
    expect(report.binding).toMatchObject({ id: ids.web, kind: 'export', target: { name: 'a1', address: '10.2.1.1', port: 4422 } });
    expect(await ask('world', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
  });

  it('lists the export as active, and its counters saw the connection', async () => {
    const r = await switchyard('host2', ['list']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((r.json as ListReport).host).toBe('host2'); // not the machine's hostname, which every namespace shares
    const web = (r.json as ListReport).bindings.find((b) => b.id === ids.web);
    expect(web?.state).toBe('active');
    expect(web?.counters.packets).toBeGreaterThan(0);
    const status = await switchyard('host2', ['status']);
    expect((status.json as StatusReport).backend).toBe(backend);
  });

  it('exports UDP on the same port as its own binding', async () => {
    const r = await switchyard('host2', ['export', '--port', '2211', '--in', 'eth0', '--proto', 'udp', '--to', 'a1:4422', '--id', 'web-udp']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await ask('world', '192.168.1.2', 2211, 'Hello, datagram.', { udp: true })).toEqual({ ok: true, reply: 'a1: Hello, datagram.' });
  });

  it('refuses a second export on the same front (exit 3) and keeps the first', async () => {
    const r = await switchyard('host2', ['export', '--port', '2211', '--in', 'eth0', '--to', '10.2.1.2:4422', '--id', 'web-again']);
    expect(r.exitCode).toBe(3);
    expect(await ask('world', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
  });

  it('after `remove` the outside world is refused again', async () => {
    const r = await switchyard('host2', ['remove', ids.web]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await ask('world', '192.168.1.2', 2211)).toMatchObject({ ok: false });
  });
});
