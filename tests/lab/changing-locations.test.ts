// Seed: "Dynamically Changing Service Locations" — move the service to HOST4:2211; 10.2.1.3:3322 stays, the route follows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListReport } from '@/lib/engine/model/report';
import { ask, switchyard, labBackends, useLab } from './lab-fixture';
import { ids, moveImportTo, seedRoute } from './seed';

const routeOnHost2 = async () => ((await switchyard('host2', ['list'])).json as ListReport).bindings.find((b) => b.id === ids.route);

describe.each(labBackends)('Dynamically Changing Service Locations (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(seedRoute);

  it('before the move, the container and the route reach HOST3', async () => {
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
    expect(await ask('world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('after moving the import to HOST4:2211, the same endpoint and the same route reach HOST4', async () => {
    const routeBefore = await routeOnHost2();
    await moveImportTo('192.168.4.4:2211');
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
    expect(await ask('world', '192.168.1.2', 4433)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
    // Nothing on HOST2 changed: the route still targets 10.2.1.3:3322, at the same revision.
    expect(await routeOnHost2()).toMatchObject({ target: { address: '10.2.1.3', port: 3322 }, revision: routeBefore?.revision, state: 'active' });
  });

  it('HOST4 stays out of reach of the containers except through the import', async () => {
    expect(await ask('a2', '192.168.4.4', 2211, 'direct', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
  });
});
