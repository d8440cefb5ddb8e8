import type { BindingSpec } from '../model/binding';
import type { ForeignMatch, ForeignRule } from '../model/report';
import { foreignOwnerReason, foreignRef } from '../model/foreign-owner';
import { defaultBindingId, isIPv4 } from '../model/validate';
import { isOwnedChain } from './names';
import type { Rule, Tables } from './ruleset';
import { findTable, jumpTarget } from './ruleset';
import { joinArgs } from './tokens';

/**
 * Every DNAT rule in the nat table that Switchyard does not own, with the binding it would
 * become if an operator adopted it (or why it cannot become one).
 */
export function foreignDnatRules(current: Tables): ForeignRule[] {
  const nat = findTable(current, 'nat');
  return (nat?.chains ?? [])
    .filter((c) => !isOwnedChain(c.name))
    .flatMap((c) => c.rules.filter((r) => jumpTarget(r) === 'DNAT'))
    .map((r) => {
      const rule = `-A ${r.chain} ${joinArgs(r.args)}`;
      const a = adoptable(r);
      const base = { ref: foreignRef('nat', r.chain, rule), table: 'nat', chain: r.chain, rule, match: matchOf(r) };
      return typeof a === 'string' ? { ...base, adoptAs: null, reason: a } : { ...base, adoptAs: a };
    });
}

/** What a rule matches on, for overlap checks; negated matches are left out (they still overlap in part). */
export function matchOf(r: Rule): ForeignMatch {
  const m: ForeignMatch = {};
  for (let i = 0; i < r.args.length - 1; i++) {
    if (r.args[i - 1] === '!') continue;
    const [a, v] = [r.args[i], r.args[i + 1]];
    if (a === '-p') m.proto = v === 'all' ? undefined : v;
    else if (a === '--dport' && /^[0-9]{1,5}$/.test(v)) m.port = Number(v);
    else if (a === '-d') m.destination = v;
    else if (a === '-i') m.iface = v;
  }
  return m;
}

/** Options that a binding can express; anything else makes a rule too specific to adopt. */
const understood = new Set(['-p', '-i', '-d', '-m', '--dport', '--dst-type', '--comment', '-j', '--to-destination']);

/** The binding spec a foreign DNAT rule amounts to, or the reason it does not amount to one. */
export function adoptable(r: Rule): BindingSpec | string {
  const owned = foreignOwnerReason(r.chain);
  if (owned) return owned;
  if (r.chain !== 'PREROUTING') return `rule is in ${r.chain}; bindings are entered from PREROUTING`;
  const opts = new Map<string, string>();
  for (let i = 0; i < r.args.length; i++) {
    const a = r.args[i];
    if (a === '!') return 'negated matches cannot be expressed as a binding';
    if (!a.startsWith('-')) continue;
    if (!understood.has(a)) return `option ${a} cannot be expressed as a binding`;
    if (a === '-m') {
      if (!['tcp', 'udp', 'comment', 'addrtype'].includes(r.args[i + 1])) return `match ${r.args[i + 1]} cannot be expressed as a binding`;
    } else opts.set(a, r.args[i + 1]);
  }
  const proto = opts.get('-p');
  if (proto !== 'tcp' && proto !== 'udp') return 'no tcp/udp protocol';
  const port = Number(opts.get('--dport'));
  if (!Number.isInteger(port) || port < 1) return 'no single destination port';
  const to = opts.get('--to-destination') ?? '';
  if (!/^[0-9.]+:[0-9]+$/.test(to)) return 'destination is not ADDRESS:PORT';
  const dst = opts.get('-d');
  const address = dst?.replace(/\/32$/, '');
  if (dst && (!address || !isIPv4(address))) return `destination ${dst} is not a single address`;
  const iface = opts.get('-i');
  const base = { proto, port, to, masquerade: false } as const;
  if (address && !iface) return { id: defaultBindingId('import', address, port), kind: 'import', on: address, ...base };
  if (!address) return { id: defaultBindingId('export', iface, port), kind: 'export', ...(iface ? { in: iface } : {}), ...base };
  return 'matches both an interface and an address';
}

/** The nat rule `f` names (as `observe` listed it) and its 1-based position in its chain, if the kernel still holds it. */
export function findForeign(current: Tables, f: Pick<ForeignRule, 'chain' | 'rule'>): { rule: Rule; position: number } | null {
  const chain = findTable(current, 'nat')?.chains.find((c) => c.name === f.chain);
  const i = chain?.rules.findIndex((r) => `-A ${r.chain} ${joinArgs(r.args)}` === f.rule) ?? -1;
  return i >= 0 ? { rule: chain!.rules[i], position: i + 1 } : null;
}
