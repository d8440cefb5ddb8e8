import type { Binding, Exposure, HostState } from '../model/binding';
import type { Chain, Rule, TableName } from './ruleset';
import { bindingChain, flowMark, hookChains, masqueradeMark, tag } from './names';

/** The rules Switchyard wants in one table: its own chains and its jumps from built-in chains. */
export interface OwnedTable {
  chains: Chain[];
  hooks: Rule[];
}

/** Everything Switchyard wants in the kernel, per table. Pure data; `render`/`plan` turn it into a script. */
export type RuleSet = Record<TableName, OwnedTable>;

const comment = (text: string) => ['-m', 'comment', '--comment', text];

const protoNumbers = { tcp: '6', udp: '17' } as const;

/**
 * A binding's traffic counters in SWITCHYARD-FWD: its flows (connmark bit, original destination
 * = its front) counted and accepted per direction, so packets and bytes are counted both ways.
 * Nothing in them names the target, so a rebind leaves them, and their counts, as they are.
 */
export function trafficRules(b: Binding): Rule[] {
  const ct = (dir: 'ORIGINAL' | 'REPLY') => [
    '-m', 'conntrack', '--ctproto', protoNumbers[b.proto],
    ...(b.kind === 'import' ? ['--ctorigdst', b.front.address!] : []),
    '--ctorigdstport', String(b.front.port), '--ctdir', dir,
  ];
  const own = [...comment(tag.binding(b.id)), '-m', 'connmark', '--mark', flowMark];
  const iface = (flag: '-i' | '-o') => (b.front.iface ? [flag, b.front.iface] : []);
  return [
    { chain: hookChains.fwd.chain, args: [...iface('-i'), ...own, ...ct('ORIGINAL'), '-j', 'ACCEPT'] },
    { chain: hookChains.fwd.chain, args: [...iface('-o'), ...own, ...ct('REPLY'), '-j', 'ACCEPT'] },
  ];
}

/** Traffic rules are tried in this order: imports (an address), exports on an interface, exports on all. */
export const trafficOrder = (b: Binding): number => (b.kind === 'import' ? 0 : b.front.iface ? 1 : 2);

/** The rules of one binding: its entry rules in SWITCHYARD-PRE/OUT and its own DNAT chain. */
export function compileBinding(b: Binding): { entries: Rule[]; chain: Chain } {
  const c = bindingChain(b.id);
  const own = comment(tag.binding(b.id));
  const port = ['-m', b.proto, '--dport', String(b.front.port)];
  const entries: Rule[] =
    b.kind === 'export'
      ? [
          {
            chain: hookChains.pre.chain,
            args: [...(b.front.iface ? ['-i', b.front.iface] : []), '-p', b.proto, ...own, '-m', 'addrtype', '--dst-type', 'LOCAL', ...port, '-j', c],
          },
          // The host's own connections to its export (the seed says this "won't work"; this rule is why it does).
          { chain: hookChains.out.chain, args: ['!', '-d', '127.0.0.0/8', '-p', b.proto, ...own, '-m', 'addrtype', '--dst-type', 'LOCAL', ...port, '-j', c] },
        ]
      : [
          { chain: hookChains.pre.chain, args: ['-d', `${b.front.address}/32`, '-p', b.proto, ...own, ...port, '-j', c] },
          { chain: hookChains.out.chain, args: ['-d', `${b.front.address}/32`, '-p', b.proto, ...own, ...port, '-j', c] },
        ];
  const rules: Rule[] = [
    ...(b.masquerade ? [{ chain: c, args: [...own, '-j', 'MARK', '--set-xmark', masqueradeMark] }] : []),
    { chain: c, args: [...own, '-j', 'CONNMARK', '--set-xmark', flowMark] },
    { chain: c, args: ['-p', b.proto, ...own, '-j', 'DNAT', '--to-destination', `${b.target.address}:${b.target.port}`] },
  ];
  return { entries, chain: { name: c, policy: null, rules } };
}

/** The masquerade `weave expose` adds for an exposed subnet: overlay traffic leaving the overlay through this host. */
export function compileExposure(e: Exposure): Rule {
  const net = networkOf(e.cidr);
  return { chain: hookChains.post.chain, args: ['-s', net, '!', '-d', net, ...comment(tag.expose(e.cidr)), '-j', 'MASQUERADE'] };
}

/** `10.2.1.3/16` → `10.2.0.0/16`. */
export function networkOf(cidr: string): string {
  const [addr, len] = cidr.split('/');
  const n = Number(len);
  const v = addr.split('.').reduce((acc, p) => (acc << 8) | Number(p), 0) >>> 0;
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  const net = (v & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${n}`;
}

/** The one shared rule of SWITCHYARD-FWD: accept every flow a binding DNATed (after the per-binding counters). */
export const forwardAccept = (): Rule => ({ chain: hookChains.fwd.chain, args: [...comment(tag.forward), '-m', 'connmark', '--mark', flowMark, '-j', 'ACCEPT'] });

const chain = (name: string, rules: Rule[] = []): Chain => ({ name, policy: null, rules });
const hook = (h: (typeof hookChains)[keyof typeof hookChains]): Rule => ({ chain: h.builtin, args: [...comment(tag.hook), '-j', h.chain] });

/**
 * The whole rule set a host's state asks for. Empty state → empty rule set, so `flush` and
 * removing the last binding leave no trace of Switchyard.
 */
export function compile(state: Pick<HostState, 'bindings' | 'exposed'>): RuleSet {
  if (state.bindings.length === 0 && state.exposed.length === 0) {
    return { nat: { chains: [], hooks: [] }, filter: { chains: [], hooks: [] } };
  }
  const compiled = [...state.bindings].sort((a, b) => a.id.localeCompare(b.id)).map(compileBinding);
  const entries = compiled.flatMap((c) => c.entries);
  const pre = chain(hookChains.pre.chain, entries.filter((r) => r.chain === hookChains.pre.chain));
  const out = chain(hookChains.out.chain, entries.filter((r) => r.chain === hookChains.out.chain));
  const post = chain(hookChains.post.chain, [
    { chain: hookChains.post.chain, args: [...comment(tag.masquerade), '-m', 'mark', '--mark', masqueradeMark, '-j', 'MASQUERADE'] },
    ...state.exposed.map(compileExposure),
  ]);
  const counted = [...state.bindings].sort((a, b) => trafficOrder(a) - trafficOrder(b) || a.id.localeCompare(b.id)).flatMap(trafficRules);
  const fwd = chain(hookChains.fwd.chain, [...counted, forwardAccept()]);
  return {
    nat: { chains: [pre, out, post, ...compiled.map((c) => c.chain)], hooks: [hook(hookChains.pre), hook(hookChains.out), hook(hookChains.post)] },
    filter: { chains: [fwd], hooks: [hook(hookChains.fwd)] },
  };
}
