import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { parseListeners } from '../host/listeners';
import type { Binding } from '../model/binding';
import type { ForeignRule, HostFacts } from '../model/report';
import { checkFront, checkTarget, localTargetReason, newFronts, newTargets } from './rails';

const facts: HostFacts = {
  hostname: 'host2',
  interfaces: [
    { name: 'lo', up: true, addresses: ['127.0.0.1/8'] },
    { name: 'eth0', up: true, addresses: ['192.168.1.2/24'] },
    { name: 'weave', up: true, addresses: ['10.2.1.132/16'] },
  ],
  ipForward: true,
  weave: false,
};

const binding = (over: Partial<Binding> = {}): Binding => ({
  id: 'web',
  kind: 'export',
  proto: 'tcp',
  front: { port: 2211, iface: 'eth0' },
  target: { name: 'a1', address: '10.2.1.1', port: 4422 },
  masquerade: true,
  revision: 1,
  ...over,
});

/** The EngineError `fn` throws (the test fails if it throws nothing or something else). */
function refusal(fn: () => void): EngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('local targets', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.251', /multicast/],
    ['239.1.2.3', /multicast/],
    ['192.168.1.2', /address of this host \(eth0\)/],
    ['10.2.1.132', /address of this host \(weave\)/],
    ['192.168.1.255', /broadcast address of eth0/],
  ])('%s is refused with exit 2 and named', (address, why) => {
    expect(localTargetReason(address, facts)).toMatch(why);
    const e = refusal(() => checkTarget(binding({ target: { name: address, address, port: 1 } }), facts));
    expect(e.code).toBe('bad-input');
    expect(e.exitCode).toBe(2);
    expect(e.field).toBe('to');
    expect(e.message).toMatch(/--allow-local-target/);
  });

  it.each(['10.2.1.1', '192.168.1.3', '192.168.4.4', '10.2.255.254', '8.8.8.8'])('%s (another machine) passes', (address) => {
    expect(localTargetReason(address, facts)).toBeNull();
    expect(() => checkTarget(binding({ target: { name: address, address, port: 1 } }), facts)).not.toThrow();
  });

  it('a name that resolved to loopback is named with its address', () => {
    const e = refusal(() => checkTarget(binding({ target: { name: 'localhost', address: '127.0.0.1', port: 1 } }), facts));
    expect(e.message).toMatch(/localhost \(127\.0\.0\.1\)/);
  });
});

describe('fronts over listeners and foreign DNAT rules', () => {
  const listeners = parseListeners(
    [
      'tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=801,fd=3))',
      'tcp   LISTEN 0      511     192.168.1.2:3000      0.0.0.0:*    users:(("node",pid=9,fd=20))',
      'tcp   LISTEN 0      128       127.0.0.1:5432      0.0.0.0:*    users:(("postgres",pid=7,fd=5))',
      'udp   UNCONN 0      0      127.0.0.53%lo:53        0.0.0.0:*    users:(("systemd-resolve",pid=5,fd=12))',
      'tcp   LISTEN 0      128             [::]:8443         [::]:*',
    ].join('\n'),
  );

  it('parses ss output: protocol, address, port and program', () => {
    expect(listeners[0]).toEqual({ proto: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd' });
    expect(listeners[3]).toEqual({ proto: 'udp', address: '127.0.0.53', port: 53, process: 'systemd-resolve' });
    expect(listeners[4]).toEqual({ proto: 'tcp', address: '[::]', port: 8443 });
  });

  it.each([
    [binding({ front: { port: 22 } }), /sshd listens on 0\.0\.0\.0:22\/tcp/],
    [binding({ front: { port: 22, iface: 'eth0' } }), /sshd/],
    [binding({ front: { port: 3000, iface: 'eth0' } }), /node listens on 192\.168\.1\.2:3000/],
    [binding({ front: { port: 8443 } }), /a program listens on \[::\]:8443/],
    [binding({ kind: 'import', front: { port: 22, address: '10.2.1.132' } }), /sshd/],
  ])('a front on a port the host listens on is a conflict naming the listener', (b, named) => {
    const e = refusal(() => checkFront(b, facts, listeners, []));
    expect(e.code).toBe('conflict');
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(named);
    expect(e.message).toMatch(/--force/);
  });

  it.each([
    binding({ front: { port: 3000, iface: 'weave' } }), // node listens on eth0's address only
    binding({ front: { port: 5432 } }), // postgres listens on loopback, which no front catches
    binding({ proto: 'udp', front: { port: 22 } }), // ssh is TCP
    binding({ front: { port: 2211 } }),
  ])('a front no listener sits under passes (%#)', (b) => {
    expect(() => checkFront(b, facts, listeners, [])).not.toThrow();
  });

  const foreign = (rule: string, match: ForeignRule['match']): ForeignRule => ({ ref: 'f-00000000', table: 'nat', chain: 'PREROUTING', rule, adoptAs: null, reason: 'x', match });
  const docker = foreign('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', { proto: 'tcp', port: 8080 });
  const onEth0 = foreign('-A PREROUTING -i eth0 -p tcp -m tcp --dport 2211 -j DNAT --to-destination 192.168.1.3:2211', { proto: 'tcp', port: 2211, iface: 'eth0' });
  const overlay = foreign('-A PREROUTING -d 10.2.0.0/16 -p udp -m udp --dport 53 -j DNAT --to-destination 10.2.1.1:53', { proto: 'udp', port: 53, destination: '10.2.0.0/16' });

  it.each([
    [binding({ front: { port: 8080 } }), docker],
    [binding({ front: { port: 2211, iface: 'eth0' } }), onEth0],
    [binding({ front: { port: 2211 } }), onEth0],
    [binding({ kind: 'import', proto: 'udp', front: { port: 53, address: '10.2.1.132' } }), overlay],
    [binding({ proto: 'udp', front: { port: 53, iface: 'weave' } }), overlay],
  ])('a front that shadows a foreign DNAT rule is a conflict naming the rule (%#)', (b, f) => {
    const e = refusal(() => checkFront(b, facts, [], [docker, onEth0, overlay]));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(f.rule);
  });

  it.each([
    binding({ front: { port: 2211, iface: 'weave' } }), // the foreign rule only catches eth0
    binding({ proto: 'udp', front: { port: 8080 } }),
    binding({ proto: 'udp', front: { port: 53, iface: 'eth0' } }), // eth0's address is outside 10.2.0.0/16
  ])('a front beside a foreign rule passes (%#)', (b) => {
    expect(() => checkFront(b, facts, [], [docker, onEth0, overlay])).not.toThrow();
  });
});

describe('which changes the rails look at', () => {
  const web = binding();
  it('new fronts: adds and moved fronts; new targets: adds and moved targets', () => {
    const moved = binding({ front: { port: 2212, iface: 'eth0' } });
    const rebound = binding({ target: { name: 'a2', address: '10.2.1.2', port: 4422 } });
    const changes = [
      { op: 'add' as const, id: 'a', after: binding({ id: 'a' }) },
      { op: 'update' as const, id: 'web', before: web, after: moved },
      { op: 'rebind' as const, id: 'web', before: web, after: rebound },
      { op: 'remove' as const, id: 'gone', before: web },
    ];
    expect(newFronts(changes).map((b) => b.front.port)).toEqual([2211, 2212]);
    expect(newTargets(changes).map((b) => b.target.address)).toEqual(['10.2.1.1', '10.2.1.2']);
  });
});
