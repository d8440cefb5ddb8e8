import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

interface Traffic {
  connections: number;
  toTarget: { packets: number; bytes: number };
  fromTarget: { packets: number; bytes: number };
  lastConnectionSeen?: string;
}

// A known number of connections and bytes through a binding is reported as such, before and after a rebind.
describe.each(backends)('traffic counters (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
    const r = await net.sw(['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web']);
    expect(r.exitCode, r.stderr).toBe(0);
    // A second binding whose counters must not move.
    const other = await net.sw(['import', '--on', '10.77.0.1', '--port', '3322', '--to', '10.77.0.12:4422', '--id', 'svc']);
    expect(other.exitCode, other.stderr).toBe(0);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  const traffic = async (id: string): Promise<Traffic> => (await net.sw(['list'])).json.bindings.find((b: { id: string }) => b.id === id).traffic;

  /** `n` connections from outside, each sending `text` and reading the answer; returns the payload bytes each way. */
  async function connect(n: number, text: string, answeredBy: string): Promise<{ sent: number; received: number }> {
    for (let i = 0; i < n; i++) expect(await net.ask(net.ns.out, '192.168.77.2', 2211, text)).toBe(`${answeredBy}: ${text}`);
    return { sent: n * Buffer.byteLength(`${text}\n`), received: n * Buffer.byteLength(`${answeredBy}: ${text}\n`) };
  }

  /** IPv4 + TCP headers are 40 to 60 bytes a packet: the payload must sit inside what the kernel counted. */
  const withinAccounting = (c: { packets: number; bytes: number }, payload: number) => {
    expect(c.bytes).toBeGreaterThanOrEqual(payload + 40 * c.packets);
    expect(c.bytes).toBeLessThanOrEqual(payload + 60 * c.packets);
  };

  it('counts exactly the connections made, and their bytes both ways', async () => {
    expect(await traffic('web')).toMatchObject({ connections: 0, toTarget: { packets: 0, bytes: 0 }, fromTarget: { packets: 0, bytes: 0 } });
    const p = await connect(5, 'x'.repeat(1000), 'c1');
    const t = await traffic('web');
    expect(t.connections).toBe(5);
    // Each connection: at least SYN, the data and the closing handshake towards the target; SYN-ACK and data back.
    expect(t.toTarget.packets).toBeGreaterThanOrEqual(5 * 3);
    expect(t.fromTarget.packets).toBeGreaterThanOrEqual(5 * 2);
    withinAccounting(t.toTarget, p.sent);
    withinAccounting(t.fromTarget, p.received);
    expect(t.lastConnectionSeen).toEqual(expect.any(String));
    expect(await traffic('svc')).toMatchObject({ connections: 0, toTarget: { packets: 0 }, fromTarget: { packets: 0 } });
  });

  it('keeps counting across a rebind: the counts only grow by what went through', async () => {
    const before = await traffic('web');
    const r = await net.sw(['rebind', 'web', '--to', '10.77.0.12:4422']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await traffic('web')).toMatchObject({ connections: before.connections, toTarget: before.toTarget, fromTarget: before.fromTarget });
    const p = await connect(3, 'y'.repeat(500), 'c2');
    const after = await traffic('web');
    expect(after.connections).toBe(before.connections + 3);
    withinAccounting(
      { packets: after.toTarget.packets - before.toTarget.packets, bytes: after.toTarget.bytes - before.toTarget.bytes },
      p.sent,
    );
    withinAccounting(
      { packets: after.fromTarget.packets - before.fromTarget.packets, bytes: after.fromTarget.bytes - before.fromTarget.bytes },
      p.received,
    );
  });

  it('survives a restore', async () => {
    const before = await traffic('web');
    expect((await net.sw(['restore'])).exitCode).toBe(0);
    expect(await traffic('web')).toMatchObject({ connections: before.connections, toTarget: before.toTarget });
  });
});
