import { describe, expect, it } from 'vitest';
import { runSwitchyard } from '@/lib/engine';
import { SimHost } from '@/lib/hosts/sim/sim-host';
import { seedNetwork } from '@/lib/hosts/sim/seed-network';
import { withoutSaveComments } from '@/lib/engine/iptables/save-format';

// The safety rails end to end on a simulated host2 (which, like a real host, runs sshd on port 22).
function host2() {
  const spec = seedNetwork.hosts.find((h) => h.name === 'host2')!;
  const host = new SimHost({ ...spec, interfaces: spec.interfaces.map((i) => (i.name === 'weave' ? { ...i, addresses: ['10.2.1.132/16'] } : i)) }, (n) => ({ a1: '10.2.1.1', me: '192.168.1.2' })[n]);
  const sw = async (...argv: string[]) => {
    const r = await runSwitchyard(['--json', ...argv], { runner: host.runner, store: host.store, hostname: 'host2', stdin });
    return { ...r, json: JSON.parse(r.stdout || r.stderr) };
  };
  let stdin = '';
  const withFile = (doc: unknown) => {
    stdin = JSON.stringify(doc);
  };
  return { host, sw, withFile };
}

describe('safety rails on a host', () => {
  it('refuses local targets with exit 2 unless --allow-local-target, and changes nothing', async () => {
    const h = host2();
    const rules = () => withoutSaveComments(h.host.iptables.save());
    const before = rules();
    for (const to of ['127.0.0.1:22', '0.0.0.0:80', '255.255.255.255:9', '224.0.0.251:5353', '192.168.1.2:80', 'me:80', '192.168.1.255:9']) {
      const r = await h.sw('export', '--in', 'eth0', '--port', '2211', '--to', to, '--id', 'web');
      expect(r.exitCode, to).toBe(2);
      expect(r.json).toMatchObject({ code: 'bad-input', field: 'to' });
    }
    expect(rules()).toBe(before);
    expect((await h.sw('list')).json.bindings).toEqual([]);
    const ok = await h.sw('export', '--in', 'eth0', '--port', '2211', '--to', '127.0.0.1:8080', '--id', 'web', '--allow-local-target');
    expect(ok.exitCode, ok.stderr).toBe(0);
  });

  it('a rebind and an apply --file are held to the same rule', async () => {
    const h = host2();
    expect((await h.sw('export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web')).exitCode).toBe(0);
    const rb = await h.sw('rebind', 'web', '--to', '10.2.1.132:4422');
    expect(rb.exitCode).toBe(2);
    expect(rb.json.message).toMatch(/address of this host \(weave\)/);
    expect((await h.sw('rebind', 'web', '--to', '10.2.1.132:4422', '--allow-local-target')).exitCode).toBe(0);
    h.withFile({ bindings: [{ id: 'web', kind: 'export', in: 'eth0', port: 2211, to: 'a1:4422' }, { id: 'lo', kind: 'export', port: 2300, to: '127.0.0.1:1' }] });
    const ap = await h.sw('apply', '--file', '-');
    expect(ap.exitCode).toBe(2);
    expect(ap.json.message).toMatch(/binding "lo"\) is a loopback address/);
    expect((await h.sw('list')).json.bindings.map((b: { target: { address: string } }) => b.target.address)).toEqual(['10.2.1.132']);
  });

  it('refuses a front on a port the host listens on (exit 3, naming the listener) unless --force', async () => {
    const h = host2();
    const r = await h.sw('export', '--port', '22', '--to', 'a1:22', '--id', 'ssh');
    expect(r.exitCode).toBe(3);
    expect(r.json).toMatchObject({ code: 'conflict', field: 'port' });
    expect(r.json.message).toMatch(/sshd listens on 0\.0\.0\.0:22\/tcp/);
    expect((await h.sw('export', '--port', '22', '--proto', 'udp', '--to', 'a1:22', '--id', 'ssh-udp')).exitCode).toBe(0);
    expect((await h.sw('export', '--port', '22', '--to', 'a1:22', '--id', 'ssh', '--force')).exitCode).toBe(0);
  });

  it('refuses a front that shadows a foreign DNAT rule (exit 3, naming the rule) unless --force', async () => {
    const h = host2();
    const foreign = '-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.1.3:80';
    const restored = h.host.iptables.restore(`*nat\n${foreign}\nCOMMIT\n`, { noflush: true });
    expect(restored.ok).toBe(true);
    const r = await h.sw('export', '--in', 'eth0', '--port', '8080', '--to', 'a1:80', '--id', 'web');
    expect(r.exitCode).toBe(3);
    expect(r.json.message).toContain(foreign);
    expect((await h.sw('export', '--in', 'weave', '--port', '8080', '--to', 'a1:80', '--id', 'overlay-side')).exitCode).toBe(0);
    expect((await h.sw('export', '--in', 'eth0', '--port', '8080', '--to', 'a1:80', '--id', 'web', '--force')).exitCode).toBe(0);
    expect(h.host.iptables.save()).toContain(foreign);
  });

  it('expose records whether it added the address; hide never removes one it did not add', async () => {
    const h = host2();
    const weave = () => h.host.interfaces.find((i) => i.name === 'weave')!.addresses;
    const had = await h.sw('expose', '10.2.1.132/16', '--bridge', 'weave');
    expect(had.exitCode, had.stderr).toBe(0);
    expect(had.json.exposed).toEqual([{ cidr: '10.2.1.132/16', bridge: 'weave', preexisting: true }]);
    expect(had.json.warnings.join()).toMatch(/already on weave/);
    const hid = await h.sw('hide', '10.2.1.132/16');
    expect(hid.exitCode).toBe(0);
    expect(weave()).toContain('10.2.1.132/16');
    expect((await h.sw('expose', '10.2.1.133/16', '--bridge', 'weave')).json.exposed).toEqual([{ cidr: '10.2.1.133/16', bridge: 'weave' }]);
    // Exposing it again does not make Switchyard's own address look foreign.
    expect((await h.sw('expose', '10.2.1.133/16', '--bridge', 'weave')).json.exposed).toEqual([{ cidr: '10.2.1.133/16', bridge: 'weave' }]);
    expect((await h.sw('hide', '10.2.1.133/16')).exitCode).toBe(0);
    expect(weave()).not.toContain('10.2.1.133/16');
  });
});
