// Rebind under load: a client keeps opening new connections through the route (world → HOST2:4433 →
// 10.2.1.3:3322 → HOST3 or HOST4) while the import on HOST1 is moved back and forth twenty times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, startClient, switchyard, labBackends, useLab, waitFor } from './lab-fixture';
import { ids, seedRoute } from './seed';

interface Connection {
  n: number;
  started: number;
  ok: boolean;
  reply?: string;
  error?: string;
}

const rebinds = 20;
const perWindow = 5; // new connections answered between two rebinds, at least
// Bounded: the client stops by itself after this many; the pause keeps it well inside the world's
// ephemeral port range while every closed connection sits in TIME_WAIT.
const maxConnections = 8_000;
const pauseMs = 2;

describe.each(labBackends)('rebind under load (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(seedRoute);
  const moves: { to: 'host3' | 'host4'; startAt: number; doneAt: number }[] = [];
  let connections: Connection[] = [];
  let client: ReturnType<typeof startClient> | undefined;
  afterAll(() => {
    client?.kill('SIGKILL');
  });

  it('twenty moves of the import lose no connection: each is answered by HOST3 or HOST4', async () => {
    client = startClient('world', 'loop', '192.168.1.2', 4433, ['--max', String(maxConnections), '--pause', String(pauseMs), '--timeout', '3000']);
    connections = jsonLines<Connection>(client.stdout);
    const running = client;
    const answered = (count: number) => () => {
      if (running.exitCode !== null) throw new Error(`the client stopped early after ${connections.length} connections`);
      return connections.length >= count;
    };
    for (let i = 0; i < rebinds; i++) {
      const seen = connections.length;
      await waitFor(`${perWindow} more connections before move ${i + 1}`, answered(seen + perWindow));
      const to = i % 2 === 0 ? 'host4' : 'host3';
      const startAt = Date.now();
      const r = await switchyard('host1', ['rebind', ids.importNc, '--to', to === 'host4' ? '192.168.4.4:2211' : '192.168.1.3:2211']);
      expect(r.exitCode, r.stderr).toBe(0);
      moves.push({ to, startAt, doneAt: Date.now() });
    }
    const seen = connections.length;
    await waitFor('connections after the last move', answered(seen + perWindow));
    client.stdin.end();
    const result = await client;
    expect(result.exitCode).toBe(0);

    expect(connections.length).toBeGreaterThanOrEqual((rebinds + 1) * perWindow);
    expect(connections.length).toBeLessThan(maxConnections); // stopped by us, not by its bound
    expect(connections.filter((c) => !c.ok)).toEqual([]);
    for (const c of connections) expect(c.reply).toMatch(new RegExp(`^host[34]: conn-${c.n}$`));
    const answeredBy = new Set(connections.map((c) => c.reply?.split(':')[0]));
    expect([...answeredBy].sort()).toEqual(['host3', 'host4']);
  });

  it('between two moves, every new connection is answered by the service the last move pointed at', () => {
    expect(moves).toHaveLength(rebinds);
    // Connections started while a rebind ran may go either way; those started between two rebinds may not.
    const settled = (c: Connection, i: number) => moves[i].doneAt < c.started && (i + 1 === moves.length || c.started < moves[i + 1].startAt);
    const checked = connections.flatMap((c) => {
      const i = moves.findIndex((_, k) => settled(c, k));
      return i >= 0 ? [{ n: c.n, move: i + 1, by: c.reply?.split(':')[0], expected: moves[i].to }] : [];
    });
    expect(checked.length).toBeGreaterThanOrEqual(rebinds); // at least one per window in practice
    expect(checked.filter((c) => c.by !== c.expected)).toEqual([]);
  });
});
