import { describe, expect, it } from 'vitest';
import { joinArgs, splitArgs } from '../tokens';
import { canonicalArgs, canonicalCidr, isTargetName, RuleSyntaxError } from './canonical-rule';

const canon = (line: string) => joinArgs(canonicalArgs(splitArgs(line)));

// Each pair: what was typed, what real iptables-legacy-save 1.8.9 printed back (checked in a namespace; see ../fixtures).
describe('canonicalArgs prints rules the way iptables-save does', () => {
  it.each([
    ['-d 10.0.0.1 -s 192.168.0.0/16 -p icmp -j ACCEPT', '-s 192.168.0.0/16 -d 10.0.0.1/32 -p icmp -j ACCEPT'],
    ['-p udp --dport 53 -d 10.2.1.3 -j DNAT --to-destination 192.168.3.3', '-d 10.2.1.3/32 -p udp -m udp --dport 53 -j DNAT --to-destination 192.168.3.3'],
    ['-p tcp --dport 22 -j REJECT', '-p tcp -m tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable'],
    ['-j MARK --set-mark 0x1', '-j MARK --set-xmark 0x1/0xffffffff'],
    ['-j MARK --set-mark 1/1', '-j MARK --set-xmark 0x1/0x1'],
    ['-j CONNMARK --set-xmark 2097152/0x200000', '-j CONNMARK --set-xmark 0x200000/0x200000'],
    ['-m mark ! --mark 0x1/0xffffffff -j DROP', '-m mark ! --mark 0x1 -j DROP'],
    ['-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'],
    ['-o weave ! -i eth9 -j LOG --log-prefix "sy: " --log-level warning', '! -i eth9 -o weave -j LOG --log-prefix "sy: "'],
    ['-p tcp -m comment --comment x --dport 22:22 -j ACCEPT', '-p tcp -m comment --comment x -m tcp --dport 22 -j ACCEPT'],
    ['-p tcp -m tcp --dport 8000: -j ACCEPT', '-p tcp -m tcp --dport 8000:65535 -j ACCEPT'],
    ['-s 10.2.1.5/16 -j MASQUERADE', '-s 10.2.0.0/16 -j MASQUERADE'],
    ['-s 10.2.1.5/255.255.0.0 -j RETURN', '-s 10.2.0.0/16 -j RETURN'],
    ['-m addrtype --dst-type local -j SWITCHYARD-PRE', '-m addrtype --dst-type LOCAL -j SWITCHYARD-PRE'],
    ['-p TCP --sport 1 --dport 2 -j ACCEPT', '-p tcp -m tcp --sport 1 --dport 2 -j ACCEPT'],
    ['-p tcp -m tcp --dport 2 --sport 1 -j ACCEPT', '-p tcp -m tcp --sport 1 --dport 2 -j ACCEPT'],
    ['-j LOG --log-level info', '-j LOG --log-level 6'],
    ['-j CONNMARK --save-mark', '-j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff'],
    ['-p 6 -j ACCEPT', '-p tcp -j ACCEPT'],
  ])('%s', (typed, saved) => {
    expect(canon(typed)).toBe(saved);
  });

  it('keeps the text of a comment, spaces and quotes included', () => {
    expect(canonicalArgs(['-m', 'comment', '--comment', 'it\'s "x"', '-j', 'ACCEPT'])).toEqual(['-m', 'comment', '--comment', 'it\'s "x"', '-j', 'ACCEPT']);
  });

  it('is idempotent on its own output', () => {
    const once = canonicalArgs(splitArgs('-p tcp --dport 22 -j MARK --set-mark 0x1'));
    expect(canonicalArgs(once)).toEqual(once);
  });
});

describe('canonicalArgs refuses what iptables refuses', () => {
  it.each([
    ['-m multiport --dports 1,2 -j ACCEPT', "Couldn't load match `multiport'"],
    ['hello world', "Bad argument `hello'"],
    ['--dport 22 -j ACCEPT', 'unknown option "--dport"'],
    ['-p udp --tcp-flags SYN SYN', 'unknown option "--tcp-flags"'],
    ['-s 10.0.0.0/8 -s 10.1.0.0/16', 'multiple -s flags not allowed'],
    ['-d not-an-address', "host/network `not-an-address' not found"],
    ['-p tcp --dport 70000', 'invalid port/service'],
    ['-j DNAT', 'must be specified'],
    ['-j ACCEPT --to-destination 1.2.3.4', 'unknown option "--to-destination"'],
    ['-m conntrack --ctstate NEWISH', 'Bad ctstate "NEWISH"'],
    ['-j SWITCHYARD-PRE --foo', 'unknown option "--foo"'],
    ['-i', 'option "-i" requires an argument'],
  ])('%s', (typed, message) => {
    expect(() => canonicalArgs(splitArgs(typed))).toThrow(RuleSyntaxError);
    expect(() => canonicalArgs(splitArgs(typed))).toThrow(message);
  });
});

describe('names and addresses', () => {
  it('tells target modules from chains', () => {
    expect(['ACCEPT', 'DNAT', 'MASQUERADE', 'CONNMARK'].every(isTargetName)).toBe(true);
    expect(isTargetName('SWITCHYARD-PRE')).toBe(false);
    expect(isTargetName('hasOwnProperty')).toBe(false);
  });

  it('masks host bits and adds /32', () => {
    expect(canonicalCidr('10.2.1.3')).toBe('10.2.1.3/32');
    expect(canonicalCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(canonicalCidr('192.168.3.3/24')).toBe('192.168.3.0/24');
  });
});
