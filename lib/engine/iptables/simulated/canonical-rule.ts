/**
 * Rule arguments as the kernel understands them, and printed back the way `iptables-save` does:
 * base options in a fixed order (`-s -d -i -o -p`), `/32` on bare addresses, the implicit
 * `-m tcp` that `-p tcp --dport` loads, marks in hex, `--set-mark` as `--set-xmark`, REJECT's
 * default `--reject-with`, conntrack states in the kernel's order. Only the matches and targets
 * Switchyard meets are known; anything else is refused, as an iptables without the module would.
 */

/** One option of a match or target: `[!] --flag values…`. */
export interface RuleOption {
  flag: string;
  values: string[];
  negated: boolean;
}

/** A base option (`-s -d -i -o -p`), possibly negated. */
export interface BaseOption {
  flag: '-s' | '-d' | '-i' | '-o' | '-p';
  value: string;
  negated: boolean;
}

/** A rule taken apart: base options, `-m` matches in order, and the `-j`/`-g` target if any. */
export interface ParsedRule {
  base: BaseOption[];
  matches: { name: string; options: RuleOption[] }[];
  target?: { kind: '-j' | '-g'; name: string; options: RuleOption[] };
}

/** Rule text the kernel (or iptables) would refuse; the message uses iptables' words. */
export class RuleSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}

const baseFlags: Record<string, BaseOption['flag']> = {
  '-s': '-s', '--source': '-s', '--src': '-s',
  '-d': '-d', '--destination': '-d', '--dst': '-d',
  '-i': '-i', '--in-interface': '-i',
  '-o': '-o', '--out-interface': '-o',
  '-p': '-p', '--protocol': '-p',
};
const baseOrder: BaseOption['flag'][] = ['-s', '-d', '-i', '-o', '-p'];

/** Options each known match takes, with their arity, in the order iptables-save prints them. */
const matchOptions: Record<string, Record<string, number>> = {
  tcp: { '--sport': 1, '--dport': 1, '--syn': 0, '--tcp-flags': 2 },
  udp: { '--sport': 1, '--dport': 1 },
  icmp: { '--icmp-type': 1 },
  comment: { '--comment': 1 },
  addrtype: { '--src-type': 1, '--dst-type': 1, '--limit-iface-in': 0, '--limit-iface-out': 0 },
  mark: { '--mark': 1 },
  connmark: { '--mark': 1 },
  conntrack: { '--ctstate': 1, '--ctproto': 1, '--ctorigdst': 1, '--ctorigdstport': 1, '--ctdir': 1 },
};
const optionAliases: Record<string, string> = { '--source-port': '--sport', '--destination-port': '--dport' };

/** Targets that are not chains, with their options' arity. */
const targetOptions: Record<string, Record<string, number>> = {
  ACCEPT: {},
  DROP: {},
  RETURN: {},
  REJECT: { '--reject-with': 1 },
  DNAT: { '--to-destination': 1 },
  SNAT: { '--to-source': 1 },
  MASQUERADE: { '--to-ports': 1, '--random': 0 },
  REDIRECT: { '--to-ports': 1 },
  MARK: { '--set-xmark': 1, '--set-mark': 1 },
  CONNMARK: { '--set-xmark': 1, '--set-mark': 1, '--save-mark': 0, '--restore-mark': 0, '--nfmask': 1, '--ctmask': 1 },
  LOG: { '--log-prefix': 1, '--log-level': 1 },
};

/** True when `name` is a target module (ACCEPT, DNAT, MARK, …) rather than a chain. */
export const isTargetName = (name: string): boolean => Object.hasOwn(targetOptions, name);

const ctStates = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
const addrTypes = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];
const logLevels = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];
const protocols: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp' };

/** Take rule arguments (after `-A CHAIN`) apart; throws RuleSyntaxError where iptables would refuse. */
export function parseRule(args: readonly string[]): ParsedRule {
  const rule: ParsedRule = { base: [], matches: [] };
  let current: { name: string; options: RuleOption[]; arity: Record<string, number> } | null = null;
  let negate = false;
  let i = 0;
  const take = (flag: string, n: number): string[] => {
    const values = args.slice(i + 1, i + 1 + n);
    if (values.length < n) {
      throw new RuleSyntaxError(`option "${flag}" requires an argument`);
    }
    i += n;
    return values;
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '!') {
      if (negate) throw new RuleSyntaxError('multiple consecutive ! not allowed');
      negate = true;
      continue;
    }
    const base = baseFlags[a];
    if (base) {
      if (rule.base.some((b) => b.flag === base)) throw new RuleSyntaxError(`multiple ${base} flags not allowed`);
      rule.base.push({ flag: base, value: canonicalBase(base, take(a, 1)[0]), negated: negate });
      negate = false;
      continue;
    }
    if (negate && (a === '-m' || a === '-j' || a === '-g')) throw new RuleSyntaxError(`cannot have ! before ${a}`);
    if (a === '-m' || a === '--match') {
      const [name] = take(a, 1);
      const arity = matchOptions[name];
      if (!arity) throw new RuleSyntaxError(`Couldn't load match \`${name}':No such file or directory`);
      current = { name, options: [], arity };
      rule.matches.push(current);
      continue;
    }
    if (a === '-j' || a === '--jump' || a === '-g' || a === '--goto') {
      if (rule.target) throw new RuleSyntaxError('multiple -j flags not allowed');
      const [name] = take(a, 1);
      rule.target = { kind: a === '-g' || a === '--goto' ? '-g' : '-j', name, options: [] };
      current = { name, options: rule.target.options, arity: targetOptions[name] ?? {} };
      continue;
    }
    const flag = optionAliases[a] ?? a;
    if (!flag.startsWith('--')) throw new RuleSyntaxError(`Bad argument \`${a}'`);
    let owner = current && Object.hasOwn(current.arity, flag) ? current : null;
    if (!owner && !rule.target) owner = implicitProtocolMatch(rule, flag);
    if (!owner) throw new RuleSyntaxError(`unknown option "${a}"`);
    if (owner.options.some((o) => o.flag === flag)) throw new RuleSyntaxError(`multiple ${flag} flags not allowed`);
    owner.options.push({ flag, values: take(a, owner.arity[flag]), negated: negate });
    negate = false;
  }
  if (negate) throw new RuleSyntaxError('! without an option');
  for (const m of rule.matches) canonicalMatch(m);
  if (rule.target) canonicalTarget(rule.target);
  rule.base.sort((x, y) => baseOrder.indexOf(x.flag) - baseOrder.indexOf(y.flag));
  return rule;
}

/** Rule arguments exactly as `iptables-save` would print them after the kernel took them in. */
export function canonicalArgs(args: readonly string[]): string[] {
  return ruleArgs(parseRule(args));
}

/** Print a parsed rule back as arguments, in iptables-save order. */
export function ruleArgs(rule: ParsedRule): string[] {
  const out: string[] = [];
  const opt = (o: RuleOption) => [...(o.negated ? ['!'] : []), o.flag, ...o.values];
  for (const b of rule.base) out.push(...(b.negated ? ['!'] : []), b.flag, b.value);
  for (const m of rule.matches) out.push('-m', m.name, ...m.options.flatMap(opt));
  if (rule.target) out.push(rule.target.kind, rule.target.name, ...rule.target.options.flatMap(opt));
  return out;
}

// `-p tcp --dport 22` loads the tcp match implicitly, at the place the option appears.
function implicitProtocolMatch(rule: ParsedRule, flag: string) {
  const proto = rule.base.find((b) => b.flag === '-p')?.value;
  const arity = proto ? matchOptions[proto] : undefined;
  if (!proto || !arity || !Object.hasOwn(arity, flag)) return null;
  let m = rule.matches.find((x) => x.name === proto);
  if (!m) {
    m = { name: proto, options: [] };
    rule.matches.push(m);
  }
  return { ...m, arity };
}

function canonicalBase(flag: BaseOption['flag'], value: string): string {
  if (flag === '-s' || flag === '-d') return canonicalCidr(value);
  if (flag === '-p') {
    const p = value.toLowerCase();
    return protocols[p] ?? p;
  }
  if (!/^[A-Za-z0-9_.+:@-]{1,15}$/.test(value)) throw new RuleSyntaxError(`Invalid interface name "${value}"`);
  return value;
}

/** `10.2.1.5/16` → `10.2.0.0/16`, `10.0.0.1` → `10.0.0.1/32`; throws on anything but IPv4. */
export function canonicalCidr(value: string): string {
  const [addr, mask, extra] = value.split('/');
  if (extra !== undefined) throw new RuleSyntaxError(`host/network \`${value}' not found`);
  const ip = ipv4ToInt(addr);
  if (ip === null) throw new RuleSyntaxError(`host/network \`${addr}' not found`);
  let bits = 32;
  if (mask !== undefined) {
    if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) bits = Number(mask);
    else {
      const m = ipv4ToInt(mask);
      const ones = m === null ? -1 : 32 - Math.log2(((~m >>> 0) + 1) || 2 ** 32);
      if (m === null || !Number.isInteger(ones)) throw new RuleSyntaxError(`invalid mask \`${mask}' specified`);
      bits = ones;
    }
  }
  return `${intToIpv4(ip & maskOf(bits))}/${bits}`;
}

/** The IPv4 address as an unsigned 32-bit number, or null when it is not one. */
export function ipv4ToInt(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

const intToIpv4 = (n: number): string => [24, 16, 8, 0].map((s) => ((n >>> 0) >>> s) & 255).join('.');
/** Netmask of a prefix length, unsigned. */
export const maskOf = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

function canonicalMatch(m: { name: string; options: RuleOption[] }): void {
  const order = Object.keys(matchOptions[m.name]);
  m.options.sort((a, b) => order.indexOf(a.flag) - order.indexOf(b.flag));
  for (const o of m.options) {
    if (o.flag === '--sport' || o.flag === '--dport') o.values = [canonicalPorts(o.values[0])];
    else if (o.flag === '--mark') o.values = [canonicalMarkMatch(o.values[0])];
    else if (o.flag === '--ctstate') o.values = [canonicalStates(o.values[0])];
    else if (o.flag === '--ctproto') o.values = [Object.entries(protocols).find(([, n]) => n === o.values[0])?.[0] ?? o.values[0]];
    else if (o.flag === '--ctorigdst') o.values = [o.values[0].replace(/\/32$/, '')];
    else if (o.flag === '--ctdir' && !['ORIGINAL', 'REPLY'].includes(o.values[0])) throw new RuleSyntaxError(`Bad ctdir value "${o.values[0]}"`);
    else if (o.flag === '--src-type' || o.flag === '--dst-type') {
      const t = o.values[0].toUpperCase();
      if (!addrTypes.includes(t)) throw new RuleSyntaxError(`addrtype: invalid address type "${o.values[0]}"`);
      o.values = [t];
    }
  }
  if (m.name === 'comment' && !m.options.length) throw new RuleSyntaxError('comment: option "--comment" must be specified');
  if ((m.name === 'mark' || m.name === 'connmark') && !m.options.length) throw new RuleSyntaxError(`${m.name} match: You must specify \`--mark'`);
}

function canonicalTarget(t: NonNullable<ParsedRule['target']>): void {
  const arity = targetOptions[t.name];
  if (!arity) {
    if (t.options.length) throw new RuleSyntaxError(`unknown option "${t.options[0].flag}"`);
    return;
  }
  const negated = t.options.find((o) => o.negated);
  if (negated) throw new RuleSyntaxError(`${t.name}: unexpected "!" flag before --${negated.flag}`);
  const has = (f: string) => t.options.find((o) => o.flag === f);
  switch (t.name) {
    case 'REJECT':
      if (!has('--reject-with')) t.options.push({ flag: '--reject-with', values: ['icmp-port-unreachable'], negated: false });
      break;
    case 'DNAT':
    case 'SNAT': {
      const o = has(t.name === 'DNAT' ? '--to-destination' : '--to-source');
      if (!o) throw new RuleSyntaxError(`${t.name}: option "${t.name === 'DNAT' ? '--to-destination' : '--to-source'}" must be specified`);
      if (ipv4ToInt(o.values[0].split(':')[0]) === null) throw new RuleSyntaxError(`Bad IP address "${o.values[0]}"`);
      break;
    }
    case 'REDIRECT':
      break;
    case 'MARK':
    case 'CONNMARK': {
      const o = has('--set-xmark') ?? has('--set-mark');
      if (o) {
        const [v, m] = o.values[0].split('/').map((x) => parseMarkNumber(x));
        const mask = m === undefined ? 0xffffffff : o.flag === '--set-mark' ? (v | m) >>> 0 : m;
        t.options = [{ flag: '--set-xmark', values: [`${hex(v)}/${hex(mask)}`], negated: false }];
      } else if (t.name === 'CONNMARK' && (has('--save-mark') || has('--restore-mark'))) {
        const nf = has('--nfmask')?.values[0] ?? '0xffffffff';
        const ct = has('--ctmask')?.values[0] ?? '0xffffffff';
        const verb = has('--save-mark') ? '--save-mark' : '--restore-mark';
        t.options = [verb, '--nfmask', '--ctmask'].map((flag, k) => ({ flag, values: k === 0 ? [] : [hex(parseMarkNumber(k === 1 ? nf : ct))], negated: false }));
      } else throw new RuleSyntaxError(`${t.name} target: No operation specified`);
      break;
    }
    case 'LOG': {
      const level = has('--log-level');
      if (level) {
        const n = /^\d$/.test(level.values[0]) ? Number(level.values[0]) : logLevels.indexOf(level.values[0]);
        if (n < 0 || n > 7) throw new RuleSyntaxError(`log-level \`${level.values[0]}' unknown`);
        // LOG prints its level only when it is not the default, warning (4).
        t.options = t.options.filter((o) => o !== level);
        if (n !== 4) t.options.push({ flag: '--log-level', values: [String(n)], negated: false });
      }
      const order = ['--log-level', '--log-prefix'];
      t.options.sort((a, b) => order.indexOf(a.flag) - order.indexOf(b.flag));
      break;
    }
  }
}

function canonicalPorts(v: string): string {
  const m = /^(\d*)(?::(\d*))?$/.exec(v);
  if (!m || (m[1] === '' && m[2] === undefined)) throw new RuleSyntaxError(`invalid port/service \`${v}' specified`);
  const lo = m[1] === '' ? 0 : Number(m[1]);
  const hi = m[2] === undefined ? lo : m[2] === '' ? 65535 : Number(m[2]);
  if (lo > 65535 || hi > 65535 || lo > hi) throw new RuleSyntaxError(`invalid port/service \`${v}' specified`);
  return lo === hi ? String(lo) : `${lo}:${hi}`;
}

function canonicalMarkMatch(v: string): string {
  const [value, mask] = v.split('/').map((x) => parseMarkNumber(x));
  return mask === undefined || mask === 0xffffffff ? hex(value) : `${hex(value)}/${hex(mask)}`;
}

function canonicalStates(v: string): string {
  const states = v.split(',').map((s) => s.toUpperCase());
  const bad = states.find((s) => !ctStates.includes(s));
  if (bad !== undefined) throw new RuleSyntaxError(`Bad ctstate "${bad}"`);
  return ctStates.filter((s) => states.includes(s)).join(',');
}

/** A mark number in decimal or 0x hex, unsigned 32-bit. */
export function parseMarkNumber(s: string): number {
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(s)) throw new RuleSyntaxError(`Bad mark value "${s}"`);
  const n = Number(s);
  if (n > 0xffffffff) throw new RuleSyntaxError(`Bad mark value "${s}"`);
  return n;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
