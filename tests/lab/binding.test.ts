// Seed: "Binding Services" — point the import at another service location without altering the application.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReport, ListReport } from '@/lib/engine/model/report';
import { ask, jsonLines, startClient, switchyard, labBackends, useLab, waitFor } from './lab-fixture';
import { exposeHost1, ids, importHost3 } from './seed';

const revisionOf = async (id: string): Promise<number | undefined> =>
  ((await switchyard('host1', ['list'])).json as ListReport | undefined)?.bindings.find((b) => b.id === id)?.revision;

/** Opens a connection from a2 to host1:3322 now; `send` sends its line later and returns the answer. */
async function holdConnection() {
  const client = startClient('a2', 'hold', 'host1', 3322, ['--timeout', '3000']);
  const lines = jsonLines(client.stdout);
  await waitFor('the held connection', () => lines.length > 0, 5_000);
  expect(lines[0]).toEqual({ connected: true });
  return async (text: string) => {
    client.stdin.end(`${text}\n`);
    await client;
    return lines[1] ?? { ok: false, error: 'no answer line' };
  };
}

describe.each(labBackends)('Binding Services (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(async () => {
    await exposeHost1();
    await importHost3();
  });

  it('the application reaches HOST3 at 10.2.1.3:3322', async () => {
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('rebinding the import to HOST4 sends the same application command to HOST4, same id', async () => {
    const before = await revisionOf(ids.importNc);
    const r = await switchyard('host1', ['rebind', ids.importNc, '--to', '192.168.4.4:2211']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((r.json as ChangeReport).binding).toMatchObject({ id: ids.importNc, front: { address: '10.2.1.3', port: 3322 }, target: { address: '192.168.4.4', port: 2211 } });
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
    expect(await revisionOf(ids.importNc)).toBeGreaterThan(before ?? Infinity);
  });

  it('and back again', async () => {
    const r = await switchyard('host1', ['rebind', ids.importNc, '--to', '192.168.1.3:2211']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });

  it('a connection opened before a rebind keeps its service (graceful)', async () => {
    const send = await holdConnection();
    const r = await switchyard('host1', ['rebind', ids.importNc, '--to', '192.168.4.4:2211']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await send('opened before')).toEqual({ ok: true, reply: 'host3: opened before' });
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
  });

  it('with --cut, a connection opened before the rebind does not reach the old service', async () => {
    const send = await holdConnection();
    const r = await switchyard('host1', ['rebind', ids.importNc, '--to', '192.168.1.3:2211', '--cut']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((r.json as ChangeReport).flowsCut).toBeGreaterThan(0);
    expect(await send('opened before')).toMatchObject({ ok: false });
    expect(await ask('a2', 'host1', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
  });
});
