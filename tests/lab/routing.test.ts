// Seed: "Routing Services" — outside world → HOST2:4433 → 10.2.1.3:3322 (HOST1's import) → HOST3:2211,
// between two networks that both use 192.168.1.0/24.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListReport } from '@/lib/engine/model/report';
import { ask, inNs, switchyard, labBackends, useLab } from './lab-fixture';
import { exposeHost1, exposeHost2, ids, importHost3, routeViaHost2 } from './seed';

describe.each(labBackends)('Routing Services (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(async () => {
    await exposeHost1();
    await importHost3();
    await exposeHost2();
  });

  it('the outside world and HOST3 share 192.168.1.0/24 but cannot reach each other', async () => {
    const world = await inNs('sy-world', 'ip', ['-4', '-o', 'address', 'show', 'eth0']);
    const host3 = await inNs('sy-host3', 'ip', ['-4', '-o', 'address', 'show', 'eth0']);
    expect(world.stdout).toContain('192.168.1.10/24');
    expect(host3.stdout).toContain('192.168.1.3/24');
    expect(await ask('world', '192.168.1.3', 2211, 'direct', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
  });

  it('`echo "Hello, world." | nc $HOST2 4433` from the outside world is answered by HOST3', async () => {
    expect(await ask('world', '192.168.1.2', 4433)).toMatchObject({ ok: false });
    await routeViaHost2();
    expect(await ask('world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('the route is an export on HOST2 whose target is HOST1’s import front', async () => {
    const r = await switchyard('host2', ['list']);
    expect(r.exitCode, r.stderr).toBe(0);
    const route = (r.json as ListReport).bindings.find((b) => b.id === ids.route);
    expect(route).toMatchObject({ kind: 'export', state: 'active', front: { iface: 'eth0', port: 4433 }, target: { address: '10.2.1.3', port: 3322 } });
  });

  it('without HOST1’s import the route leads nowhere', async () => {
    const r = await switchyard('host1', ['remove', ids.importNc]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await ask('world', '192.168.1.2', 4433)).toMatchObject({ ok: false });
  });
});
