import type { Tables } from '../ruleset';
import { findChain } from '../ruleset';
import type { ParsedRule } from './canonical-rule';
import { isTargetName, parseMarkNumber, parseRule, RuleSyntaxError } from './canonical-rule';
import type { PacketView } from './rule-match';
import { isLocalAddress, matchesRule, TraceError } from './rule-match';

/** The first packet of a flow, as it enters netfilter at a hook. */
export interface TracePacket {
  hook: 'prerouting' | 'output';
  proto: 'tcp' | 'udp';
  src: string;
  dst: string;
  dport: number;
  sport?: number;
  /** Input interface (prerouting); a rule testing `-i` throws when it is not given. */
  in?: string;
  /** Output interface the route picks (after DNAT); a rule testing `-o` throws when it is not given. */
  out?: string;
  mark?: number;
  /** Connection mark of the flow; 0 for a new flow. */
  connmark?: number;
}

/** What the host knows that the rules ask about. */
export interface TraceHost {
  localAddresses: string[];
}

/** One rule (1-based) or a chain policy that the packet hit, so counters can be bumped. */
export interface TraceHit {
  table: string;
  chain: string;
  rule: number | 'policy';
}

/** Where the packet ends up after nat and filter decided on it. */
export interface TraceResult {
  verdict: 'accept' | 'drop';
  /** Source after SNAT (unchanged by MASQUERADE, whose address depends on the interface). */
  src: string;
  dst: string;
  dport: number;
  masqueraded: boolean;
  mark: number;
  connmark: number;
  /** Rules that matched, in order: `nat PREROUTING #1`, `SWITCHYARD-PRE #2`, … and `filter FORWARD policy DROP`. */
  path: string[];
  hits: TraceHit[];
}

type Outcome = 'accept' | 'drop' | 'return';

interface Flow extends PacketView {
  masqueraded: boolean;
  path: string[];
  hits: TraceHit[];
}

/**
 * Push the first packet of a flow through nat and filter as netfilter would: nat PREROUTING (or OUTPUT),
 * then filter FORWARD and nat POSTROUTING when the (DNATed) destination is not local, or filter INPUT
 * and nat INPUT when it is. Throws TraceError on a match or target it does not model.
 */
export function trace(tables: Tables, packet: TracePacket, host: TraceHost): TraceResult {
  const f: Flow = {
    proto: packet.proto,
    src: packet.src,
    dst: packet.dst,
    sport: packet.sport,
    dport: packet.dport,
    in: packet.hook === 'output' ? '' : packet.in,
    out: packet.hook === 'output' ? packet.out : '',
    mark: packet.mark ?? 0,
    connmark: packet.connmark ?? 0,
    ctstates: new Set(['NEW']),
    origDst: packet.dst,
    origDport: packet.dport,
    ctdir: 'ORIGINAL',
    localAddresses: host.localAddresses,
    masqueraded: false,
    path: [],
    hits: [],
  };
  const steps: [string, string][] =
    packet.hook === 'output'
      ? [['nat', 'OUTPUT'], ['filter', 'OUTPUT'], ['nat', 'POSTROUTING']]
      : [['nat', 'PREROUTING']];
  let verdict: Outcome = 'accept';
  for (let i = 0; i < steps.length && verdict === 'accept'; i++) {
    const [table, chain] = steps[i];
    verdict = walkBuiltin(tables, table, chain, f);
    if (packet.hook === 'prerouting' && i === 0 && verdict === 'accept') {
      // The routing decision after PREROUTING: deliver locally or forward.
      const local = isLocalAddress(f.dst, host.localAddresses);
      f.out = local ? '' : packet.out;
      steps.push(...((local ? [['filter', 'INPUT'], ['nat', 'INPUT']] : [['filter', 'FORWARD'], ['nat', 'POSTROUTING']]) as [string, string][]));
    }
  }
  return {
    verdict: verdict === 'drop' ? 'drop' : 'accept',
    src: f.src,
    dst: f.dst,
    dport: f.dport,
    masqueraded: f.masqueraded,
    mark: f.mark,
    connmark: f.connmark,
    path: f.path,
    hits: f.hits,
  };
}

// NAT is decided once per flow: after a nat table's chain accepted, later rules of that hook are not consulted.
function walkBuiltin(tables: Tables, table: string, chain: string, f: Flow): 'accept' | 'drop' {
  const builtin = findChain(tables, table, chain);
  if (!builtin) return 'accept';
  const first = f.path.length;
  const outcome = walkChain(tables, table, chain, f, first, 0);
  if (outcome !== 'return') return outcome;
  const policy = builtin.policy ?? 'ACCEPT';
  f.path.push(`${table} ${chain} policy ${policy}`);
  f.hits.push({ table, chain, rule: 'policy' });
  return policy === 'DROP' ? 'drop' : 'accept';
}

function walkChain(tables: Tables, table: string, chainName: string, f: Flow, first: number, depth: number): Outcome {
  if (depth > 32) throw new TraceError(`chain loop through ${table} ${chainName}`);
  const chain = findChain(tables, table, chainName);
  if (!chain) throw new TraceError(`unknown target: no chain ${chainName} in table ${table}`);
  for (let i = 0; i < chain.rules.length; i++) {
    const rule = parsed(chain.rules[i].args);
    if (!matchesRule(rule, f)) continue;
    f.path.push(`${f.path.length === first ? `${table} ` : ''}${chainName} #${i + 1}`);
    f.hits.push({ table, chain: chainName, rule: i + 1 });
    const outcome = applyTarget(tables, table, rule, f, first, depth);
    if (outcome !== 'continue') return outcome;
  }
  return 'return';
}

function applyTarget(tables: Tables, table: string, rule: ParsedRule, f: Flow, first: number, depth: number): Outcome | 'continue' {
  const t = rule.target;
  if (!t) return 'continue';
  const opt = (flag: string) => t.options.find((o) => o.flag === flag)?.values[0];
  if (!isTargetName(t.name)) {
    const outcome = walkChain(tables, table, t.name, f, first, depth + 1);
    // A goto's RETURN goes back past the chain that jumped; a jump's RETURN resumes with the next rule.
    return t.kind === '-g' ? outcome : outcome === 'return' ? 'continue' : outcome;
  }
  switch (t.name) {
    case 'ACCEPT':
      return 'accept';
    case 'DROP':
    case 'REJECT':
      return 'drop';
    case 'RETURN':
      return 'return';
    case 'LOG':
      return 'continue';
    case 'DNAT': {
      const [addr, port] = opt('--to-destination')!.split(':');
      f.dst = addr;
      if (port !== undefined) f.dport = Number(port.split('-')[0]);
      markDnat(f);
      return 'accept';
    }
    case 'REDIRECT': {
      f.dst = f.in === '' ? '127.0.0.1' : (f.localAddresses[0] ?? '127.0.0.1');
      const ports = opt('--to-ports');
      if (ports !== undefined) f.dport = Number(ports.split('-')[0]);
      markDnat(f);
      return 'accept';
    }
    case 'SNAT':
      f.src = opt('--to-source')!.split(':')[0];
      return 'accept';
    case 'MASQUERADE':
      f.masqueraded = true;
      return 'accept';
    case 'MARK':
    case 'CONNMARK': {
      const x = opt('--set-xmark');
      if (x !== undefined) {
        const [value, mask] = x.split('/').map(parseMarkNumber);
        const set = (old: number) => ((old & ~mask) ^ value) >>> 0;
        if (t.name === 'MARK') f.mark = set(f.mark);
        else f.connmark = set(f.connmark);
      } else {
        const nf = parseMarkNumber(opt('--nfmask') ?? '0xffffffff');
        const ct = parseMarkNumber(opt('--ctmask') ?? '0xffffffff');
        if (t.options.some((o) => o.flag === '--save-mark')) f.connmark = ((f.connmark & ~ct) ^ (f.mark & nf)) >>> 0;
        else f.mark = ((f.mark & ~nf) ^ (f.connmark & ct)) >>> 0;
      }
      return 'continue';
    }
    default:
      throw new TraceError(`trace does not model target ${t.name}`);
  }
}

// conntrack's virtual DNAT state: the reply will come from somewhere else than the original destination.
function markDnat(f: Flow): void {
  f.ctstates = new Set(['NEW', 'DNAT']);
}

function parsed(args: readonly string[]): ParsedRule {
  try {
    return parseRule(args);
  } catch (e) {
    if (e instanceof RuleSyntaxError) throw new TraceError(`${e.message} in rule: ${args.join(' ')}`);
    throw e;
  }
}
