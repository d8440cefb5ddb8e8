import { describe, expect, it } from 'vitest';
import { parseRule } from './canonical-rule';
import type { PacketView } from './rule-match';
import { inCidr, isLocalAddress, matchesRule, TraceError } from './rule-match';

const packet: PacketView = {
  proto: 'tcp',
  src: '192.168.1.2',
  dst: '10.2.1.3',
  sport: 40000,
  dport: 3322,
  in: 'eth0',
  out: 'weave',
  mark: 0x100001,
  connmark: 0,
  ctstates: new Set(['NEW']),
  origDst: '10.2.1.3',
  origDport: 3322,
  ctdir: 'ORIGINAL',
  localAddresses: ['10.2.1.3'],
};
const fits = (...args: string[]) => matchesRule(parseRule(args), packet);

describe('matchesRule', () => {
  it('matches addresses by prefix, with ! inverting', () => {
    expect(fits('-s', '192.168.0.0/16', '-d', '10.2.1.3')).toBe(true);
    expect(fits('!', '-s', '192.168.0.0/16')).toBe(false);
    expect(fits('-d', '10.2.2.0/24')).toBe(false);
  });

  it('matches protocol, ports and port ranges, with ! on a port', () => {
    expect(fits('-p', 'tcp', '--dport', '3000:4000')).toBe(true);
    expect(fits('-p', 'tcp', '!', '--dport', '3322')).toBe(false);
    expect(fits('-p', 'udp', '--dport', '3322')).toBe(false);
  });

  it('matches marks under a mask, and the packet mark and connmark separately', () => {
    expect(fits('-m', 'mark', '--mark', '0x100000/0x100000')).toBe(true);
    expect(fits('-m', 'mark', '--mark', '0x100000')).toBe(false);
    expect(fits('-m', 'connmark', '--mark', '0x100000/0x100000')).toBe(false);
  });

  it('matches local destinations and conntrack states', () => {
    expect(fits('-m', 'addrtype', '--dst-type', 'LOCAL', '-m', 'conntrack', '--ctstate', 'NEW')).toBe(true);
    expect(fits('-m', 'addrtype', '!', '--dst-type', 'LOCAL')).toBe(false);
    expect(fits('-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED')).toBe(false);
  });

  it('throws on what it cannot decide instead of skipping it', () => {
    expect(() => fits('-m', 'addrtype', '--dst-type', 'BROADCAST')).toThrow(TraceError);
    expect(() => matchesRule(parseRule(['-i', 'eth0']), { ...packet, in: undefined })).toThrow(TraceError);
  });
});

describe('addresses', () => {
  it('inCidr and isLocalAddress', () => {
    expect(inCidr('10.2.255.1', '10.2.0.0/16')).toBe(true);
    expect(inCidr('10.3.0.1', '10.2.0.0/16')).toBe(false);
    expect(inCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(isLocalAddress('127.0.0.53', [])).toBe(true);
    expect(isLocalAddress('10.2.1.4', ['10.2.1.3'])).toBe(false);
  });

  it('matches a flow by its original destination, protocol and direction (per-binding traffic counters)', () => {
    expect(fits('-m', 'conntrack', '--ctproto', 'tcp', '--ctorigdst', '10.2.1.3', '--ctorigdstport', '3322', '--ctdir', 'ORIGINAL')).toBe(true);
    expect(fits('-m', 'conntrack', '--ctproto', '17')).toBe(false);
    expect(fits('-m', 'conntrack', '--ctorigdstport', '3323')).toBe(false);
    expect(fits('-m', 'conntrack', '--ctdir', 'REPLY')).toBe(false);
    expect(() => parseRule(['-m', 'conntrack', '--ctdir', 'SIDEWAYS'])).toThrow(/ctdir/);
  });
});
