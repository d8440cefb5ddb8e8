import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, scratchNetwork, type ScratchNetwork } from './scratch-network';

// Real packets through real rules: out → host eth0 → overlay container, with FORWARD policy DROP.
describe.each(backends)('traffic through bindings (%s backend)', (backend) => {
  let net: ScratchNetwork;
  beforeAll(async () => {
    net = await scratchNetwork(backend);
  });
  afterAll(async () => {
    await net?.dispose();
  });

  it('an export is reachable from outside and from the host itself, with FORWARD at DROP', async () => {
    const r = await net.sw(['export', '--port', '2211', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'web']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'Hello, world.')).toBe('c1: Hello, world.');
    expect(await net.ask(net.ns.host, '192.168.77.2', 2211, 'from host2')).toBe('c1: from host2');
    expect((await net.exec(net.ns.host, 'iptables-nft', ['-S', 'FORWARD'])).stdout).toContain('-P FORWARD DROP');
  });

  it('without the binding the same packets are refused (the test can fail)', async () => {
    expect(await net.ask(net.ns.out, '192.168.77.2', 2212, 'x', { timeoutMs: 1000 })).toMatch(/^error/);
  });

  it('a rebind sends new connections to the new target; an established flow keeps the old one', async () => {
    const held = await net.hold(net.ns.out, '192.168.77.2', 2211);
    const r = await net.sw(['rebind', 'web', '--to', '10.77.0.12:4422']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.binding.revision).toBe(2);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'new')).toBe('c2: new');
    expect(await held.send('old')).toBe('c1: old');
  });

  it('rebind --cut ends established TCP flows to the old target', async () => {
    const held = await net.hold(net.ns.out, '192.168.77.2', 2211);
    const r = await net.sw(['rebind', 'web', '--to', '10.77.0.11:4422', '--cut']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.flowsCut).toBeGreaterThanOrEqual(1);
    expect(await held.send('still there?')).not.toBe('c2: still there?');
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'after cut')).toBe('c1: after cut');
  });

  it('UDP works, and a rebind deletes the UDP conntrack entries towards the old target', async () => {
    const r = await net.sw(['export', '--proto', 'udp', '--port', '5353', '--in', 'eth0', '--to', '10.77.0.11:4422', '--id', 'dns']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await net.ask(net.ns.out, '192.168.77.2', 5353, 'ping', { udp: true })).toBe('c1: ping');
    const before = await net.exec(net.ns.host, 'conntrack', ['-L', '-p', 'udp', '--reply-src', '10.77.0.11']);
    expect(before.stdout).toContain('dport=5353');
    const rb = await net.sw(['rebind', 'dns', '--to', '10.77.0.12:4422']);
    expect(rb.exitCode, rb.stderr).toBe(0);
    expect(rb.json.flowsCut).toBeGreaterThanOrEqual(1);
    const after = await net.exec(net.ns.host, 'conntrack', ['-L', '-p', 'udp', '--reply-src', '10.77.0.11']);
    expect(after.stdout).not.toContain('dport=5353');
    expect(await net.ask(net.ns.out, '192.168.77.2', 5353, 'pong', { udp: true })).toBe('c2: pong');
  });

  it('masquerades by default and keeps the client address with --no-masquerade', async () => {
    const seenBy = async (port: number) => {
      const ct = await net.exec(net.ns.host, 'conntrack', ['-L', '-p', 'tcp', '--orig-port-dst', String(port)]);
      return ct.stdout; // reply direction: "src=<target> dst=<what the target saw as client>"
    };
    expect(await net.ask(net.ns.out, '192.168.77.2', 2211, 'm')).toBe('c1: m');
    expect(await seenBy(2211)).toMatch(/src=10\.77\.0\.11 dst=10\.77\.0\.1 /);
    const r = await net.sw(['export', '--port', '2300', '--in', 'eth0', '--to', '10.77.0.12:4422', '--id', 'keep-client', '--no-masquerade']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await net.ask(net.ns.out, '192.168.77.2', 2300, 'n')).toBe('c2: n');
    expect(await seenBy(2300)).toMatch(/src=10\.77\.0\.12 dst=192\.168\.77\.10 /);
  });

  it('counts packets per binding and says when ip_forward is off', async () => {
    const l = await net.sw(['list']);
    const web = l.json.bindings.find((b: { id: string }) => b.id === 'web');
    expect(web.state).toBe('active');
    expect(web.counters.packets).toBeGreaterThan(0);
    await net.exec(net.ns.host, 'sysctl', ['-qw', 'net.ipv4.ip_forward=0']);
    const s = await net.sw(['status']);
    expect(s.json.backend).toBe(backend);
    expect(s.json.facts.ipForward).toBe(false);
    expect(s.json.warnings.join('\n')).toMatch(/ip_forward is off/);
    await net.exec(net.ns.host, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
  });
});
