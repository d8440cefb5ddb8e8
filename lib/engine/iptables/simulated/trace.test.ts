import { describe, expect, it } from 'vitest';
import type { Tables } from '../ruleset';
import { parseSave } from '../save-parser';
import { TraceError } from './rule-match';
import { SimulatedIptables } from './simulated-iptables';
import type { TracePacket } from './trace';
import { trace } from './trace';

/** Tables after restoring `script` into a fresh namespace (so the fake's own checks apply too). */
function tablesOf(script: string): Tables {
  const ipt = new SimulatedIptables();
  const result = ipt.restore(script, { noflush: false });
  if (!result.ok) throw new Error(`line ${result.line}: ${result.message}`);
  return ipt.snapshot();
}

// host2 of the seed page: eth0 faces outside clients, weave is the overlay; it exports web (a1:4422)
// on eth0:2211 and imports db (192.168.3.3:2211) on its exposed address 10.2.1.3:3322.
const host2 = { localAddresses: ['192.168.1.10', '10.2.1.2', '10.2.1.3'] };
const host2Rules = tablesOf(`*nat
:SWITCHYARD-PRE - [0:0]
:SWITCHYARD-OUT - [0:0]
:SWITCHYARD-POST - [0:0]
:SWITCHYARD-B-WEB - [0:0]
:SWITCHYARD-B-DB - [0:0]
-A PREROUTING -m comment --comment "switchyard:hook" -j SWITCHYARD-PRE
-A OUTPUT -m comment --comment "switchyard:hook" -j SWITCHYARD-OUT
-A POSTROUTING -m comment --comment "switchyard:hook" -j SWITCHYARD-POST
-A SWITCHYARD-PRE -i eth0 -p tcp -m tcp --dport 2211 -m comment --comment "switchyard:web" -j SWITCHYARD-B-WEB
-A SWITCHYARD-PRE -d 10.2.1.3/32 -p tcp -m tcp --dport 3322 -m comment --comment "switchyard:db" -j SWITCHYARD-B-DB
-A SWITCHYARD-OUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -p tcp -m tcp --dport 2211 -j SWITCHYARD-B-WEB
-A SWITCHYARD-B-WEB -j MARK --set-xmark 0x100000/0x100000
-A SWITCHYARD-B-WEB -j CONNMARK --set-xmark 0x200000/0x200000
-A SWITCHYARD-B-WEB -p tcp -j DNAT --to-destination 10.2.1.1:4422
-A SWITCHYARD-B-DB -j CONNMARK --set-xmark 0x200000/0x200000
-A SWITCHYARD-B-DB -p tcp -j DNAT --to-destination 192.168.3.3:2211
-A SWITCHYARD-POST -m mark --mark 0x100000/0x100000 -j MASQUERADE
COMMIT
*filter
:FORWARD DROP [0:0]
:SWITCHYARD-FWD - [0:0]
-A FORWARD -m comment --comment "switchyard:hook" -j SWITCHYARD-FWD
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A SWITCHYARD-FWD -m connmark --mark 0x200000/0x200000 -j ACCEPT
COMMIT
`);

const fromOutside = (dst: string, dport: number): TracePacket => ({ hook: 'prerouting', proto: 'tcp', src: '192.168.1.2', dst, dport, in: 'eth0', out: 'weave' });

describe('trace through host2', () => {
  it('a client on eth0 asking for host2:2211 ends at 10.2.1.1:4422, masqueraded, forwarded', () => {
    const r = trace(host2Rules, fromOutside('192.168.1.10', 2211), host2);
    expect(r).toMatchObject({ verdict: 'accept', dst: '10.2.1.1', dport: 4422, masqueraded: true, mark: 0x100000, connmark: 0x200000 });
    expect(r.path.join(' → ')).toBe(
      'nat PREROUTING #1 → SWITCHYARD-PRE #1 → SWITCHYARD-B-WEB #1 → SWITCHYARD-B-WEB #2 → SWITCHYARD-B-WEB #3 → ' +
        'filter FORWARD #1 → SWITCHYARD-FWD #1 → nat POSTROUTING #1 → SWITCHYARD-POST #1',
    );
  });

  it('the same port asked for from the overlay is not exported: it stays at host2 itself', () => {
    const r = trace(host2Rules, { hook: 'prerouting', proto: 'tcp', src: '10.2.1.1', dst: '10.2.1.2', dport: 2211, in: 'weave' }, host2);
    expect(r).toMatchObject({ verdict: 'accept', dst: '10.2.1.2', dport: 2211, masqueraded: false, mark: 0 });
    expect(r.path).toEqual(['nat PREROUTING #1', 'nat PREROUTING policy ACCEPT', 'filter INPUT policy ACCEPT', 'nat INPUT policy ACCEPT']);
  });

  it('a container asking for the imported 10.2.1.3:3322 ends at 192.168.3.3:2211 with its own source', () => {
    const r = trace(host2Rules, { hook: 'prerouting', proto: 'tcp', src: '10.2.1.1', dst: '10.2.1.3', dport: 3322, in: 'weave', out: 'eth1' }, host2);
    expect(r).toMatchObject({ verdict: 'accept', src: '10.2.1.1', dst: '192.168.3.3', dport: 2211, masqueraded: false, connmark: 0x200000 });
  });

  it('host2 itself using its export ends at 10.2.1.1:4422 through nat OUTPUT', () => {
    const r = trace(host2Rules, { hook: 'output', proto: 'tcp', src: '192.168.1.10', dst: '192.168.1.10', dport: 2211, out: 'weave' }, host2);
    expect(r).toMatchObject({ verdict: 'accept', dst: '10.2.1.1', dport: 4422, masqueraded: true });
    expect(r.path[0]).toBe('nat OUTPUT #1');
    expect(r.path).toContain('filter OUTPUT policy ACCEPT');
  });

  it('loopback is left alone: 127.0.0.1:2211 stays 127.0.0.1:2211', () => {
    const r = trace(host2Rules, { hook: 'output', proto: 'tcp', src: '127.0.0.1', dst: '127.0.0.1', dport: 2211, out: 'lo' }, host2);
    expect(r).toMatchObject({ verdict: 'accept', dst: '127.0.0.1', dport: 2211, masqueraded: false });
  });

  it('a forwarded flow no binding DNATed meets the FORWARD policy DROP', () => {
    const r = trace(host2Rules, fromOutside('10.2.1.1', 4422), host2);
    expect(r.verdict).toBe('drop');
    expect(r.path.at(-1)).toBe('filter FORWARD policy DROP');
  });

  it('udp is not caught by tcp bindings', () => {
    const r = trace(host2Rules, { ...fromOutside('192.168.1.10', 2211), proto: 'udp' }, host2);
    expect(r).toMatchObject({ dst: '192.168.1.10', dport: 2211 });
  });
});

describe('trace follows netfilter semantics', () => {
  it('a RETURN in a chain entered by goto returns past the chain that jumped', () => {
    const t = tablesOf(`*nat
:A - [0:0]
:B - [0:0]
-A PREROUTING -j A
-A PREROUTING -p tcp -j DNAT --to-destination 10.9.9.9
-A A -g B
-A A -p tcp -j DNAT --to-destination 10.1.1.1
-A B -j RETURN
COMMIT
`);
    const r = trace(t, fromOutside('192.168.1.10', 80), host2);
    expect(r).toMatchObject({ dst: '10.9.9.9', dport: 80 });
    expect(r.path).toEqual(['nat PREROUTING #1', 'A #1', 'B #1', 'PREROUTING #2', 'filter FORWARD policy ACCEPT', 'nat POSTROUTING policy ACCEPT']);
  });

  it('MARK --set-xmark clears the mask bits and xors the value; mark matches honour the mask', () => {
    const t = tablesOf(`*nat
-A PREROUTING -j MARK --set-xmark 0x100000/0x100000
-A PREROUTING -m mark --mark 0x1/0x1 -j MARK --set-mark 0x40/0xf0
-A PREROUTING -m mark --mark 0x100041 -j DNAT --to-destination 10.2.1.1
COMMIT
`);
    const r = trace(t, { ...fromOutside('192.168.1.10', 80), mark: 0x31 }, host2);
    expect(r).toMatchObject({ mark: 0x100041, dst: '10.2.1.1', dport: 80 });
  });

  it('conntrack sees the first packet as NEW, and as DNAT once a rule DNATed it', () => {
    const t = tablesOf(`*nat
-A PREROUTING -d 192.168.1.10/32 -p tcp -j DNAT --to-destination 10.2.1.1:4422
COMMIT
*filter
:FORWARD DROP [0:0]
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -m conntrack --ctstate DNAT -j ACCEPT
COMMIT
`);
    expect(trace(t, fromOutside('192.168.1.10', 80), host2)).toMatchObject({ verdict: 'accept', dst: '10.2.1.1', dport: 4422 });
    expect(trace(t, fromOutside('10.2.1.1', 4422), host2).verdict).toBe('drop');
  });

  it('SNAT rewrites the source; negated interface and address matches invert', () => {
    const t = tablesOf(`*nat
-A POSTROUTING ! -s 10.2.0.0/16 -o eth1 -j SNAT --to-source 192.168.3.1
-A POSTROUTING ! -o eth1 -j MASQUERADE
COMMIT
`);
    expect(trace(t, { ...fromOutside('192.168.3.3', 2211), out: 'eth1' }, host2)).toMatchObject({ src: '192.168.3.1', masqueraded: false });
    expect(trace(t, { ...fromOutside('10.2.1.1', 4422), src: '10.2.1.9', out: 'eth1' }, host2)).toMatchObject({ src: '10.2.1.9', masqueraded: false });
    expect(trace(t, fromOutside('10.2.1.1', 4422), host2)).toMatchObject({ masqueraded: true });
  });

  it('port ranges, interface wildcards and --sport match', () => {
    const t = tablesOf(`*nat
-A PREROUTING -i eth+ -p udp -m udp --sport 1000:2000 --dport 53 -j DNAT --to-destination 10.2.1.5
COMMIT
`);
    const dns = { hook: 'prerouting', proto: 'udp', src: '192.168.1.2', dst: '192.168.1.10', dport: 53, in: 'eth3' } as const;
    expect(trace(t, { ...dns, sport: 1500 }, host2).dst).toBe('10.2.1.5');
    expect(trace(t, { ...dns, sport: 2500 }, host2).dst).toBe('192.168.1.10');
    expect(trace(t, { ...dns, sport: 1500, in: 'weave' }, host2).dst).toBe('192.168.1.10');
  });
});

describe('trace never guesses', () => {
  it('throws on a match it does not model', () => {
    const t = parseSave('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -m multiport --dports 1,2 -j ACCEPT\nCOMMIT\n');
    expect(() => trace(t, fromOutside('192.168.1.10', 1), host2)).toThrow(TraceError);
  });

  it('throws on a jump to a chain that is not there', () => {
    const t = parseSave('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j SWITCHYARD-GONE\nCOMMIT\n');
    expect(() => trace(t, fromOutside('192.168.1.10', 1), host2)).toThrow(/no chain SWITCHYARD-GONE/);
  });

  it('throws when a rule asks for an interface the packet did not state', () => {
    const { in: _in, ...noInterface } = fromOutside('192.168.1.10', 2211);
    expect(() => trace(host2Rules, noInterface as TracePacket, host2)).toThrow(/input interface/);
  });
});
