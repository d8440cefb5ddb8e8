// Seed, "Exporting Services": "this won't work when run *on* $HOST2". Switchyard adds the OUTPUT-side DNAT and
// the masquerade, so the host itself can use its exports.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, inNs, labBackends, useLab } from './lab-fixture';
import { exportA1, exposeHost2 } from './seed';

describe.each(labBackends)('the export used from HOST2 itself (%s backend)', (backend) => {
  useLab(backend);
  beforeAll(async () => {
    await exposeHost2();
  });

  it('the seed’s hand-written PREROUTING rule alone does not answer on HOST2 (the seed’s caveat holds in the lab)', async () => {
    const rule = ['-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '-i', 'eth0', '--dport', '2211', '-j', 'DNAT', '--to-destination', '10.2.1.1:4422'];
    expect((await inNs('sy-host2', 'iptables', ['-w', ...rule])).exitCode).toBe(0);
    expect(await ask('host2', '192.168.1.2', 2211, 'Hello, world.', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
    expect((await inNs('sy-host2', 'iptables', ['-w', ...rule.map((a) => (a === '-A' ? '-D' : a))])).exitCode).toBe(0);
  });

  it('`echo "Hello, world." | nc $HOST2 2211` run on HOST2 is answered by a1 through the Switchyard export', async () => {
    await exportA1();
    expect(await ask('host2', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
    // And the outside world still gets its answer through the same binding.
    expect(await ask('world', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
  });
});
