import { afterEach, describe, expect, it } from 'vitest';
import type { StatusReport } from '@/lib/engine/model/report';
import { openHostSession } from './open-host-session';
import type { HostSession } from './session';
import { seedNetwork } from './sim/seed-network';
import { createSimNetwork, runOnSimHost } from './sim/sim-network';

const open: HostSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Resolves with the first pushed status that satisfies `test`. */
function nextStatus(s: HostSession, test: (r: StatusReport) => boolean): Promise<StatusReport> {
  return new Promise((resolve) => {
    if (s.lastStatus && test(s.lastStatus)) return resolve(s.lastStatus);
    const off = s.onStatus((r) => {
      if (test(r)) {
        off();
        resolve(r);
      }
    });
  });
}

async function simSession(name: string) {
  const net = await createSimNetwork(seedNetwork);
  const session = openHostSession({ name, transport: 'sim' }, { simNetwork: async () => net, simWatchIntervalMs: 20 });
  open.push(session);
  return { net, session, host: net.get(name)! };
}

describe('a session to a simulated host', () => {
  it('pushes the host status once at start and answers requests like the CLI', async () => {
    const { session } = await simSession('host2');
    const first = await nextStatus(session, () => true);
    expect(first.host).toBe('host2');
    expect(first.exposed).toEqual([{ cidr: '10.2.1.132/16', bridge: 'weave' }]);
    expect(session.state.up).toBe(true);

    const r = await session.request(['export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).binding.target).toEqual({ name: 'a1', address: '10.2.1.1', port: 4422 });
    const bad = await session.request(['export', '--port', '99999', '--to', 'a1:1']);
    expect(bad.exitCode).toBe(2);
    expect(JSON.parse(bad.stderr).field).toBe('port');
    // The change is pushed without being asked for.
    await nextStatus(session, (s) => s.bindings.some((b) => b.id === 'web' && b.state === 'active'));
  });

  it('pushes changes made behind its back: a binding added with the CLI, forwarding turned off', async () => {
    const { session, host } = await simSession('host1');
    await nextStatus(session, () => true);
    const cli = await runOnSimHost(host, ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'nc']);
    expect(cli.exitCode).toBe(0);
    await nextStatus(session, (s) => s.bindings.some((b) => b.id === 'nc'));
    host.ipForward = false;
    const off = await nextStatus(session, (s) => !s.facts.ipForward);
    expect(off.warnings.join(' ')).toMatch(/ip_forward is off/);
  });

  it('is unreachable for a host the network does not have, and says why', async () => {
    const net = await createSimNetwork(seedNetwork);
    const session = openHostSession({ name: 'nowhere', transport: 'sim' }, { simNetwork: async () => net, backoff: { initialMs: 10, maxMs: 20 } });
    open.push(session);
    const r = await session.request(['status']);
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toMatch(/no simulated host named nowhere/);
    expect(session.state).toMatchObject({ up: false, reason: expect.stringMatching(/no simulated host/) });
  });

  it('refuses requests once closed', async () => {
    const { session } = await simSession('host1');
    await session.close();
    expect((await session.request(['list'])).exitCode).toBe(255);
    expect(session.state.up).toBe(false);
  });
});
