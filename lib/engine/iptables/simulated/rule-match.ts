import type { BaseOption, ParsedRule, RuleOption } from './canonical-rule';
import { ipv4ToInt, maskOf, parseMarkNumber } from './canonical-rule';

/** A packet as one rule sees it, mid-walk: addresses after any NAT so far, marks, conntrack state. */
export interface PacketView {
  proto: 'tcp' | 'udp';
  src: string;
  dst: string;
  sport?: number;
  dport: number;
  /** Input interface; '' when the packet has none (locally generated), undefined when the caller did not say. */
  in?: string;
  /** Output interface; '' before routing, undefined when the caller did not say. */
  out?: string;
  mark: number;
  connmark: number;
  ctstates: ReadonlySet<string>;
  /** The flow's original destination (before any DNAT) and which direction this packet goes. */
  origDst: string;
  origDport: number;
  ctdir: 'ORIGINAL' | 'REPLY';
  localAddresses: readonly string[];
}

/** A trace cannot decide a rule: an unknown match or target, or a fact the packet does not state. */
export class TraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

/** True when every base option and match of `rule` fits the packet (the target is not looked at). */
export function matchesRule(rule: ParsedRule, p: PacketView): boolean {
  return rule.base.every((b) => b.negated !== baseFits(b, p)) && rule.matches.every((m) => m.options.every((o) => o.negated !== optionFits(m.name, o, p)));
}

/** True when the IPv4 address lies in `cidr` (`a.b.c.d/n`). */
export function inCidr(addr: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const a = ipv4ToInt(addr);
  const n = ipv4ToInt(net);
  if (a === null || n === null) throw new TraceError(`not an IPv4 address: ${a === null ? addr : net}`);
  const m = maskOf(bits === undefined ? 32 : Number(bits));
  return ((a & m) >>> 0) === ((n & m) >>> 0);
}

/** True for an address this host owns (`-m addrtype --dst-type LOCAL`): its own addresses and 127/8. */
export const isLocalAddress = (addr: string, local: readonly string[]): boolean => local.includes(addr) || inCidr(addr, '127.0.0.0/8');

function baseFits(b: BaseOption, p: PacketView): boolean {
  switch (b.flag) {
    case '-s':
      return inCidr(p.src, b.value);
    case '-d':
      return inCidr(p.dst, b.value);
    case '-p':
      return b.value === 'all' || b.value === p.proto;
    case '-i':
      return interfaceFits(b.value, p.in, '-i');
    case '-o':
      return interfaceFits(b.value, p.out, '-o');
  }
}

// `eth+` matches every name starting with `eth`, as the kernel does.
function interfaceFits(pattern: string, name: string | undefined, flag: string): boolean {
  if (name === undefined) throw new TraceError(`a rule matches ${flag} ${pattern} but the packet does not say its ${flag === '-i' ? 'input' : 'output'} interface`);
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function optionFits(match: string, o: RuleOption, p: PacketView): boolean {
  const v = o.values[0];
  switch (`${match} ${o.flag}`) {
    case 'tcp --dport':
    case 'udp --dport':
      return p.proto === match && portFits(v, p.dport);
    case 'tcp --sport':
    case 'udp --sport':
      if (p.sport === undefined) throw new TraceError(`a rule matches --sport ${v} but the packet has no source port`);
      return p.proto === match && portFits(v, p.sport);
    case 'comment --comment':
      return true;
    case 'addrtype --dst-type':
    case 'addrtype --src-type':
      if (v !== 'LOCAL') throw new TraceError(`trace does not model addrtype ${v}`);
      return isLocalAddress(o.flag === '--dst-type' ? p.dst : p.src, p.localAddresses);
    case 'mark --mark':
      return markFits(v, p.mark);
    case 'connmark --mark':
      return markFits(v, p.connmark);
    case 'conntrack --ctstate':
      return v.split(',').some((s) => p.ctstates.has(s));
    case 'conntrack --ctproto':
      return ({ '6': 'tcp', '17': 'udp' } as Record<string, string>)[v] === p.proto;
    case 'conntrack --ctorigdst':
      return inCidr(p.origDst, v);
    case 'conntrack --ctorigdstport':
      return portFits(v, p.origDport);
    case 'conntrack --ctdir':
      return v === p.ctdir;
    case 'icmp --icmp-type':
      return false;
    default:
      throw new TraceError(`trace does not model -m ${match} ${o.flag}`);
  }
}

function portFits(range: string, port: number): boolean {
  const [lo, hi = lo] = range.split(':').map(Number);
  return port >= lo && port <= hi;
}

function markFits(spec: string, mark: number): boolean {
  const [value, mask = 0xffffffff] = spec.split('/').map(parseMarkNumber);
  return ((mark & mask) >>> 0) === value;
}
