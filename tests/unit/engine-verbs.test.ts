import { describe, expect, it } from 'vitest';
import { runSwitchyard } from '@/lib/engine';
import { trace } from '@/lib/engine/iptables/simulated';
import { SimHost } from '@/lib/hosts/sim/sim-host';
import { seedNetwork } from '@/lib/hosts/sim/seed-network';
import { withoutSaveComments } from '@/lib/engine/iptables/save-format';

// The engine's verbs end to end through a faithful simulated host: the same scripts a real host
// gets, applied to a simulated netfilter, and test packets pushed through the result.
const names: Record<string, string> = { a1: '10.2.1.1', a2: '10.2.1.2', host1: '10.2.1.3' };

function simHost(name: 'host1' | 'host2') {
  const spec = seedNetwork.hosts.find((h) => h.name === name)!;
  const host = new SimHost({ ...spec, interfaces: spec.interfaces.map((i) => (i.name === 'weave' ? { ...i, addresses: [spec.exposed[0].cidr] } : i)) }, (n) => names[n]);
  const sw = async (...argv: string[]) => {
    const r = await runSwitchyard(['--json', ...argv], { runner: host.runner, store: host.store, hostname: name, stdin: argv.includes('-') ? stdinText : undefined });
    return { ...r, json: r.stdout ? JSON.parse(r.stdout) : r.stderr ? JSON.parse(r.stderr) : null };
  };
  let stdinText = '';
  const withInput = (text: string) => {
    stdinText = text;
  };
  const local = host.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0]));
  const send = (p: Omit<Parameters<typeof trace>[1], 'proto'> & { proto?: 'tcp' | 'udp' }) => trace(host.iptables.snapshot(), { proto: 'tcp', ...p }, { localAddresses: local });
  return { host, sw, withInput, send };
}

describe('engine verbs on a simulated host', () => {
  it('an export: outside packets and the host’s own end at the target, masqueraded, accepted with FORWARD at DROP', async () => {
    const h = simHost('host2');
    h.host.iptables.restore('*filter\n:FORWARD DROP [0:0]\nCOMMIT\n', { noflush: true });
    const r = await h.sw('export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.binding.target).toEqual({ name: 'a1', address: '10.2.1.1', port: 4422 });

    const outside = h.send({ hook: 'prerouting', in: 'eth0', out: 'weave', src: '192.168.1.10', dst: '192.168.1.2', dport: 2211 });
    expect(outside).toMatchObject({ verdict: 'accept', dst: '10.2.1.1', dport: 4422, masqueraded: true });
    const own = h.send({ hook: 'output', out: 'weave', src: '192.168.1.2', dst: '192.168.1.2', dport: 2211 });
    expect(own).toMatchObject({ dst: '10.2.1.1', dport: 4422, masqueraded: true });
    const otherIface = h.send({ hook: 'prerouting', in: 'weave', out: 'weave', src: '10.2.1.2', dst: '10.2.1.132', dport: 2211 });
    expect(otherIface.dst).toBe('10.2.1.132');
    const unbound = h.send({ hook: 'prerouting', in: 'eth0', out: 'weave', src: '192.168.1.10', dst: '10.2.1.1', dport: 4422 });
    expect(unbound.verdict).toBe('drop');
  });

  it('an import and a rebind: the exposed address follows the new target; only that binding’s chain is rewritten', async () => {
    const h = simHost('host1');
    expect((await h.sw('import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'nc')).exitCode).toBe(0);
    const p = { hook: 'prerouting' as const, in: 'weave', out: 'eth1', src: '10.2.1.2', dst: '10.2.1.3', dport: 3322 };
    expect(h.send(p)).toMatchObject({ dst: '192.168.1.3', dport: 2211 });
    expect((await h.sw('export', '--port', '9999', '--to', 'a1:4422', '--id', 'other')).exitCode).toBe(0);

    const r = await h.sw('rebind', 'nc', '--to', '192.168.4.4:2211');
    expect(r.exitCode, r.stderr).toBe(0);
    // Planned from the state file: the old DNAT rule of that one chain deleted, the new one appended.
    const lines = r.json.script.split('\n').filter((l: string) => l.startsWith('-'));
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l: string) => l.split(' ')[1])).size).toBe(1);
    expect(lines[0]).toMatch(/^-D SWITCHYARD-B-\w+ .*--to-destination 192\.168\.1\.3:2211$/);
    expect(lines[1]).toMatch(/^-A SWITCHYARD-B-\w+ .*--to-destination 192\.168\.4\.4:2211$/);
    expect(r.json.script).not.toMatch(/SWITCHYARD-PRE|SWITCHYARD-FWD|other/);
    expect(h.send({ ...p, out: 'eth2' })).toMatchObject({ dst: '192.168.4.4', dport: 2211 });
    const l = await h.sw('list');
    expect(l.json.bindings.map((b: { id: string; state: string; revision: number }) => [b.id, b.state, b.revision])).toEqual([
      ['nc', 'active', 2],
      ['other', 'active', 1],
    ]);
  });

  it('refuses conflicts with exit 3 and changes nothing', async () => {
    const h = simHost('host1');
    expect((await h.sw('import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'nc')).exitCode).toBe(0);
    const before = withoutSaveComments(h.host.iptables.save());
    const cases: [string[], RegExp][] = [
      [['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.4.4:2211', '--id', 'dup-front'], /already bound by "nc"/],
      [['export', '--port', '3322', '--to', 'a1:4422', '--id', 'any-iface'], /already bound by "nc"/],
      [['import', '--on', '10.2.1.3', '--port', '3400', '--to', '192.168.4.4:2211', '--id', 'nc'], /already exists/],
      [['import', '--on', '10.2.1.3', '--port', '3401', '--to', '10.2.1.3:3401', '--id', 'self'], /loop/],
    ];
    for (const [argv, msg] of cases) {
      const r = await h.sw(...argv);
      expect(r.exitCode, argv.join(' ')).toBe(3);
      expect(r.json.code).toBe('conflict');
      expect(r.json.message).toMatch(msg);
    }
    expect(withoutSaveComments(h.host.iptables.save())).toBe(before);
    // A loop through two bindings: the first is fine on its own, the second closes the ring
    // (both target this host's own addresses, which takes --allow-local-target; the loop is refused all the same).
    expect((await h.sw('import', '--on', '10.2.1.3', '--port', '3402', '--to', '192.168.1.1:3403', '--id', 'ring', '--allow-local-target')).exitCode).toBe(0);
    const ring = await h.sw('export', '--in', 'eth1', '--port', '3403', '--to', '10.2.1.3:3402', '--id', 'ring-back', '--allow-local-target');
    expect(ring.exitCode).toBe(3);
    expect(ring.json.message).toMatch(/loop/);
    // A rebind that closes the same ring through the other binding is refused too.
    expect((await h.sw('export', '--in', 'eth1', '--port', '3403', '--to', '192.168.4.4:2211', '--id', 'ring-back')).exitCode).toBe(0);
    const rering = await h.sw('rebind', 'ring-back', '--to', '10.2.1.3:3402', '--allow-local-target');
    expect(rering.exitCode).toBe(3);
    expect(rering.json.message).toMatch(/leads back to the front of "ring-back".*a loop/);
    const stale = await h.sw('rebind', 'nc', '--to', '192.168.4.4:2211', '--revision', '7');
    expect(stale.exitCode).toBe(3);
    expect(stale.json.message).toMatch(/changed since you loaded it/);
  });

  it('refuses bad input with exit 2, naming the field, and changes nothing', async () => {
    const h = simHost('host1');
    const before = withoutSaveComments(h.host.iptables.save());
    const cases: [string[], string][] = [
      [['export', '--port', '0', '--to', 'a1:4422'], 'port'],
      [['export', '--port', '2211', '--to', 'a1:99999'], 'to'],
      [['export', '--port', '2211', '--in', 'eth0 -j ACCEPT', '--to', 'a1:4422'], 'in'],
      [['export', '--port', '2211', '--in', 'eth9', '--to', 'a1:4422'], 'in'],
      [['import', '--on', '10.2.1.300', '--port', '1', '--to', 'a1:4422'], 'on'],
      [['import', '--on', '10.2.1.9', '--port', '1', '--to', 'a1:4422'], 'on'],
      [['export', '--port', '2211', '--to', 'nosuchname:1'], 'to'],
      [['export', '--port', '2211', '--to', 'a1;reboot:1'], 'to'],
      [['export', '--port', '2211', '--to', 'a1:4422', '--id', 'Bad_Id'], 'id'],
      [['rebind', 'ghost', '--to', 'a1:4422'], 'id'],
      [['remove', 'ghost'], 'id'],
    ];
    for (const [argv, field] of cases) {
      const r = await h.sw(...argv);
      expect(r.exitCode, argv.join(' ')).toBe(2);
      expect(r.json.field, argv.join(' ')).toBe(field);
    }
    expect(withoutSaveComments(h.host.iptables.save())).toBe(before);
    expect((await h.sw('list')).json.bindings).toEqual([]);
  });

  it('plan shows the script and changes nothing; apply makes it so; a second plan is empty', async () => {
    const h = simHost('host2');
    h.withInput(JSON.stringify({ bindings: [{ id: 'web', kind: 'export', port: 2211, in: 'eth0', to: 'a1:4422' }, { id: 'route', kind: 'export', port: 4433, in: 'eth0', to: '10.2.1.3:3322' }] }));
    const before = withoutSaveComments(h.host.iptables.save());
    const plan = await h.sw('plan', '--file', '-');
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.json.changes.map((c: { op: string; id: string }) => `${c.op} ${c.id}`)).toEqual(['add web', 'add route']);
    expect(plan.json.script).toContain('--to-destination 10.2.1.3:3322');
    expect(withoutSaveComments(h.host.iptables.save())).toBe(before);
    expect((await h.sw('apply', '--file', '-')).exitCode).toBe(0);
    expect((await h.sw('plan', '--file', '-')).json).toMatchObject({ changes: [], script: '' });
    h.withInput(JSON.stringify({ bindings: [{ id: 'web', kind: 'export', port: 2211, in: 'eth0', to: 'a2:4422' }] }));
    const next = await h.sw('plan', '--file', '-');
    expect(next.json.changes.map((c: { op: string; id: string }) => `${c.op} ${c.id}`)).toEqual(['rebind web', 'remove route']);
  });

  it('expose puts the address on the bridge and masquerades the overlay leaving through the host', async () => {
    const h = simHost('host2');
    const r = await h.sw('expose', '10.2.1.200/16', '--bridge', 'weave');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(h.host.interfaces.find((i) => i.name === 'weave')!.addresses).toContain('10.2.1.200/16');
    expect(h.host.iptables.save()).toContain('-A SWITCHYARD-POST -s 10.2.0.0/16 ! -d 10.2.0.0/16 -m comment --comment "switchyard:expose:10.2.1.200/16" -j MASQUERADE');
    expect((await h.sw('hide', '10.2.1.200/16')).exitCode).toBe(0);
    expect(h.host.iptables.save()).not.toContain('switchyard');
  });
});
