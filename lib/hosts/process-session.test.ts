import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusReport } from '@/lib/engine/model/report';
import { backoffDelay } from './backoff';
import { processConnector } from './process-connection';
import { ReconnectingSession, type SessionOptions } from './reconnecting-session';
import type { SessionState } from './session';
import { SessionPool } from './session-pool';
import { StartGate } from './start-gate';

// Real child processes of a tiny fixture program that speaks the protocol (and misbehaves on request).
const fake = path.join(import.meta.dirname, 'fixtures/fake-engine.mjs');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sy-session-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const starts = path.join(dir, 'starts');
  writeFileSync(starts, '');
  return { dir, starts, block: path.join(dir, 'block'), startTimes: () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).map(Number) };
}

function session(starts: string, block: string, opts: SessionOptions = {}) {
  const s = new ReconnectingSession('fake', processConnector('fake', { file: process.execPath, args: [fake, starts, block] }), opts);
  cleanup.push(() => s.close());
  return s;
}

const until = async (what: string, done: () => boolean, ms = 10_000) => {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('a session over a child process', () => {
  it('answers requests by id, in order, with their input, and hands on pushed status', async () => {
    const { starts, block } = scratch();
    const s = session(starts, block);
    const pushed: StatusReport[] = [];
    s.onStatus((r) => pushed.push(r));
    const [a, b, c] = await Promise.all([s.request(['echo', 'one']), s.request(['echo', 'two'], 'stdin'), s.request(['nope'])]);
    expect(a).toEqual({ exitCode: 0, stdout: 'one', stderr: '' });
    expect(b.stdout).toBe('two stdin');
    expect(c.exitCode).toBe(2);
    expect(s.state.up).toBe(true);
    expect((await s.request(['push', 'host9'])).stdout).toBe('pushed');
    expect(pushed.map((r) => r.host)).toEqual(['fake', 'host9']);
    expect(s.lastStatus?.host).toBe('host9');
  });

  it('fails the open request when the engine dies mid-request, goes down with its last words, and comes back', async () => {
    const { starts, block, startTimes } = scratch();
    const s = session(starts, block, { backoff: { initialMs: 20, maxMs: 40 } });
    expect((await s.request(['echo', 'hi'])).exitCode).toBe(0);
    const states: SessionState[] = [];
    s.onState((st) => states.push(st));
    const died = await s.request(['die']);
    expect(died.exitCode).toBe(255);
    expect(died.stderr).toMatch(/session ended before it answered.*exited with code 7: fake engine: told to die/);
    await until('the session to come back', () => s.state.up && startTimes().length === 2);
    expect(states.map((st) => st.up)).toEqual([false, true]);
    expect(states[0].reason).toMatch(/told to die/);
    expect((await s.request(['echo', 'again'])).stdout).toBe('again');
  }, 30_000);

  it('times a request out without losing the session', async () => {
    const { starts, block } = scratch();
    const s = session(starts, block);
    expect((await s.request(['echo', 'up'])).stdout).toBe('up');
    const r = await s.request(['hang'], undefined, 100);
    expect(r).toMatchObject({ exitCode: 124, stderr: expect.stringMatching(/did not answer within 100 ms/) });
    expect((await s.request(['echo', 'still'])).stdout).toBe('still');
  });

  it('fails fast while the host is unreachable instead of waiting for the next attempt', async () => {
    const { starts, block } = scratch();
    writeFileSync(block, '');
    // The next attempt is a minute away: a request that waited for it would time the test out.
    const s = session(starts, block, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
    const first = await s.request(['echo', 'x']);
    expect(first.exitCode).toBe(255);
    expect(first.stderr).toMatch(/fake is unreachable: .*Connection refused/);
    expect(s.state).toMatchObject({ up: false, reason: expect.stringMatching(/exited with code 255: .*Connection refused/) });
    expect((await s.request(['echo', 'x'])).exitCode).toBe(255);
  });

  it('restarts with growing delays, and is up again once the host answers', async () => {
    const { starts, block, startTimes } = scratch();
    writeFileSync(block, '');
    const initialMs = 40;
    const s = session(starts, block, { backoff: { initialMs, maxMs: 10_000 } });
    await until('five starts', () => startTimes().length >= 5, 25_000);
    const t = startTimes();
    // Restart k waits at least half of initial·2^k: the delays grow.
    for (let k = 0; k < 4; k++) expect(t[k + 1] - t[k]).toBeGreaterThanOrEqual((initialMs * 2 ** k) / 2);
    rmSync(block);
    await until('the host to answer again', () => s.state.up, 25_000);
    expect((await s.request(['echo', 'back'])).stdout).toBe('back');
  }, 60_000);
});

describe('backoff', () => {
  it('doubles up to the cap, with jitter between half and all of it', () => {
    const p = { initialMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, p, () => 0.999999))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 0))).toEqual([50, 100, 200, 400, 500]);
  });
});

describe('the session pool', () => {
  it('keeps one session per host, starts them a few at a time, and closes hosts that leave', async () => {
    const { dir, starts, block } = scratch();
    const gate = new StartGate(2);
    let connecting = 0;
    let most = 0;
    const pool = new SessionPool({
      gate,
      open: (host, opts) => {
        const base = processConnector(host.name, { file: process.execPath, args: [fake, starts, block] });
        return new ReconnectingSession(host.name, (events) => {
          connecting++;
          most = Math.max(most, connecting);
          const c = base(events);
          void c.ready.finally(() => connecting--).catch(() => undefined);
          return c;
        }, opts);
      },
    });
    cleanup.push(() => pool.close());
    const hosts = Array.from({ length: 6 }, (_, i) => ({ name: `h${i}`, transport: 'local' as const, cli: dir }));
    pool.sync(hosts);
    const answers = await Promise.all(hosts.map((h) => pool.request(h, ['echo', h.name])));
    expect(answers.map((a) => a.stdout)).toEqual(hosts.map((h) => h.name));
    expect(most).toBeLessThanOrEqual(2);
    expect(pool.sessionFor(hosts[0])).toBe(pool.get('h0'));
    const h5 = pool.get('h5')!;
    pool.sync(hosts.slice(0, 5));
    expect(pool.get('h5')).toBeUndefined();
    await until('h5 to close', () => !h5.state.up);
    expect((await h5.request(['echo', 'x'])).exitCode).toBe(255);
  }, 30_000);
});
