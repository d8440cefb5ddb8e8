import type { Counters } from '../../model/report';
import type { Chain, Rule, Table, Tables } from '../ruleset';
import { builtinChains, isBuiltinChain, jumpTarget, sameArgs } from '../ruleset';
import { splitArgs } from '../tokens';
import { canonicalArgs, isTargetName, RuleSyntaxError } from './canonical-rule';

/** How `iptables-restore` was invoked: `--noflush` keeps what the script does not name; `-c` takes `[p:b]` counters. */
export interface RestoreOptions {
  noflush: boolean;
  counters?: boolean;
}

/** A refused script: the 1-based line that failed and why, in iptables' words. */
export interface RestoreFailure {
  ok: false;
  line: number;
  message: string;
}

/** What a restore made of the tables: the new model, or the first failure (the old model untouched). */
export type RestoreOutcome = { ok: true; tables: Tables } | RestoreFailure;

/** Tables iptables-restore accepts, in the order iptables-nft-save prints them. */
export const tableOrder = ['mangle', 'security', 'raw', 'filter', 'nat'] as const;

/** NAT targets and the built-in nat chains from which each may be reached (the kernel's hook masks). */
const natTargetHooks: Record<string, readonly string[]> = {
  DNAT: ['PREROUTING', 'OUTPUT'],
  REDIRECT: ['PREROUTING', 'OUTPUT'],
  SNAT: ['POSTROUTING', 'INPUT'],
  MASQUERADE: ['POSTROUTING'],
};

class LineError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** A fresh table with its built-in chains, policy ACCEPT, as the kernel creates it. */
export function emptyTable(name: string): Table {
  return { name, chains: (builtinChains[name] ?? []).map((c) => ({ name: c, policy: 'ACCEPT', rules: [] })) };
}

/**
 * Apply an `iptables-restore` script to a copy of `current`, the way the real tool would; the copy is
 * returned only when every line succeeded, so a refused script changes nothing.
 */
export function applyRestore(current: Tables, script: string, opts: RestoreOptions): RestoreOutcome {
  const work: Tables = structuredClone(current);
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const addedAt = new Map<Rule, number>();
  let table: Table | null = null;
  try {
    lines.forEach((raw, idx) => {
      const n = idx + 1;
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      if (line.startsWith('*')) {
        if (table) throw new LineError(n, `COMMIT expected before table ${line.slice(1)}`);
        table = openTable(work, line.slice(1), n, opts.noflush);
        return;
      }
      if (!table) throw new LineError(n, `"${line}" outside a table`);
      const t: Table = table;
      if (line === 'COMMIT') {
        checkNatHooks(t, addedAt, n);
        table = null;
        return;
      }
      if (line.startsWith(':')) return declareChain(t, line, n, opts);
      applyCommand(t, line, n, opts, addedAt);
    });
    if (table) throw new LineError(lines.length + 1, 'COMMIT expected');
  } catch (e) {
    if (e instanceof LineError) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
  return { ok: true, tables: work };
}

function openTable(work: Tables, name: string, n: number, noflush: boolean): Table {
  if (!(tableOrder as readonly string[]).includes(name)) throw new LineError(n, `table name '${name}' invalid`);
  let t = work.tables.find((x) => x.name === name);
  if (!t) {
    t = emptyTable(name);
    work.tables.push(t);
    work.tables.sort((a, b) => tableOrder.indexOf(a.name as never) - tableOrder.indexOf(b.name as never));
  }
  if (!noflush) {
    t.chains = t.chains.filter((c) => isBuiltinChain(name, c.name));
    for (const c of t.chains) c.rules = [];
  }
  return t;
}

function declareChain(t: Table, line: string, n: number, opts: RestoreOptions): void {
  const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/.exec(line);
  if (!m) throw new LineError(n, `bad chain declaration "${line}"`);
  const [, name, policy, p, b] = m;
  const counters = opts.counters && p !== undefined ? { packets: Number(p), bytes: Number(b) } : undefined;
  const existing = t.chains.find((c) => c.name === name);
  if (isBuiltinChain(t.name, name)) {
    const chain = existing ?? { name, policy: 'ACCEPT', rules: [] };
    if (!existing) t.chains.push(chain);
    if (policy !== '-') setPolicy(t, chain, policy, n);
    if (counters) chain.counters = counters;
    return;
  }
  // iptables-legacy refuses a policy on a user chain; iptables-nft ignores it. Refuse, like the stricter one.
  if (policy !== '-') throw new LineError(n, `Can't set policy \`${policy}' on \`${name}': Bad built-in chain name`);
  if (existing) {
    existing.rules = [];
    return;
  }
  checkChainName(name, n);
  t.chains.push({ name, policy: null, rules: [], ...(counters ? { counters } : {}) });
}

function setPolicy(t: Table, chain: Chain, policy: string, n: number): void {
  if (policy !== 'ACCEPT' && policy !== 'DROP') throw new LineError(n, 'Bad policy name');
  if (t.name === 'nat' && policy === 'DROP') {
    throw new LineError(n, 'The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.');
  }
  chain.policy = policy;
}

function checkChainName(name: string, n: number): void {
  if (name.length > 28 || /^[-!]/.test(name) || /\s/.test(name) || isTargetName(name)) throw new LineError(n, `Invalid chain name \`${name}'`);
}

function applyCommand(t: Table, line: string, n: number, opts: RestoreOptions, addedAt: Map<Rule, number>): void {
  let args: string[];
  try {
    args = splitArgs(line);
  } catch (e) {
    throw new LineError(n, (e as Error).message);
  }
  let counters: Counters | undefined;
  const cm = /^\[(\d+):(\d+)\]$/.exec(args[0] ?? '');
  if (cm) {
    if (opts.counters) counters = { packets: Number(cm[1]), bytes: Number(cm[2]) };
    args = args.slice(1);
  }
  const [cmd, chainName, ...rest] = args;
  const chain = chainName === undefined ? undefined : t.chains.find((c) => c.name === chainName);
  const needChain = (): Chain => {
    if (!chain) throw new LineError(n, 'No chain/target/match by that name.');
    return chain;
  };
  const rule = (ruleArgs: string[]): Rule => {
    const r: Rule = { chain: chainName, args: canonical(ruleArgs, n), ...(counters ? { counters } : {}) };
    checkTarget(t, r, n);
    addedAt.set(r, n);
    return r;
  };
  switch (cmd) {
    case '-A':
    case '--append':
      needChain().rules.push(rule(rest));
      return;
    case '-I':
    case '--insert': {
      const c = needChain();
      const hasPos = /^\d+$/.test(rest[0] ?? '');
      const pos = hasPos ? Number(rest[0]) : 1;
      if (pos < 1 || pos > c.rules.length + 1) throw new LineError(n, 'Index of insertion too big.');
      c.rules.splice(pos - 1, 0, rule(hasPos ? rest.slice(1) : rest));
      return;
    }
    case '-D':
    case '--delete': {
      const c = needChain();
      if (rest.length === 1 && /^\d+$/.test(rest[0])) {
        const pos = Number(rest[0]);
        if (pos < 1 || pos > c.rules.length) throw new LineError(n, 'Index of deletion too big.');
        c.rules.splice(pos - 1, 1);
        return;
      }
      const spec = canonical(rest, n);
      const i = c.rules.findIndex((r) => sameArgs(r.args, spec));
      if (i < 0) throw new LineError(n, 'Bad rule (does a matching rule exist in that chain?).');
      c.rules.splice(i, 1);
      return;
    }
    case '-F':
    case '--flush':
      for (const c of chainName === undefined ? t.chains : [needChain()]) c.rules = [];
      return;
    case '-X':
    case '--delete-chain':
      deleteChains(t, chainName === undefined ? t.chains.filter((c) => c.policy === null) : [needChain()], n);
      return;
    case '-N':
    case '--new-chain':
      if (chainName === undefined) throw new LineError(n, 'option "-N" requires an argument');
      if (chain) throw new LineError(n, 'Chain already exists.');
      checkChainName(chainName, n);
      t.chains.push({ name: chainName, policy: null, rules: [] });
      return;
    case '-P':
    case '--policy':
      if (!chain || chain.policy === null) throw new LineError(n, 'Bad built-in chain name.');
      setPolicy(t, chain, rest[0] ?? '', n);
      return;
    default:
      throw new LineError(n, `Bad argument \`${cmd}'`);
  }
}

function canonical(args: string[], n: number): string[] {
  try {
    return canonicalArgs(args);
  } catch (e) {
    if (e instanceof RuleSyntaxError) throw new LineError(n, e.message);
    throw e;
  }
}

// The kernel refuses a jump to a chain that is not there, and NAT targets outside the nat table.
function checkTarget(t: Table, r: Rule, n: number): void {
  const target = jumpTarget(r);
  if (target === undefined) return;
  if (isTargetName(target)) {
    if (natTargetHooks[target] && t.name !== 'nat') {
      throw new LineError(n, `RULE_APPEND failed (Invalid argument): ${target} is only valid in the nat table`);
    }
    return;
  }
  const chain = t.chains.find((c) => c.name === target);
  if (!chain || chain.policy !== null) throw new LineError(n, `Chain '${target}' does not exist`);
}

function deleteChains(t: Table, victims: Chain[], n: number): void {
  for (const v of victims) {
    if (v.policy !== null) throw new LineError(n, `CHAIN_DEL failed (Device or resource busy): chain ${v.name} is built-in`);
    if (v.rules.length) throw new LineError(n, `CHAIN_DEL failed (Device or resource busy): chain ${v.name} is not empty`);
    const referrer = t.chains.find((c) => !victims.includes(c) && c.rules.some((r) => jumpTarget(r) === v.name));
    if (referrer) throw new LineError(n, `CHAIN_DEL failed (Device or resource busy): chain ${v.name} is referenced from ${referrer.name}`);
  }
  t.chains = t.chains.filter((c) => !victims.includes(c));
}

// A NAT target is only valid in chains reachable from its hooks (checked when the table is committed).
function checkNatHooks(t: Table, addedAt: Map<Rule, number>, commitLine: number): void {
  if (t.name !== 'nat') return;
  for (const builtin of builtinChains.nat) {
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const r of t.chains.find((c) => c.name === name)?.rules ?? []) {
        const target = jumpTarget(r);
        if (target === undefined) continue;
        const hooks = natTargetHooks[target];
        if (hooks && !hooks.includes(builtin)) {
          throw new LineError(addedAt.get(r) ?? commitLine, `RULE_APPEND failed (Invalid argument): ${target} in chain ${r.chain} is reachable from ${builtin}`);
        }
        if (!isTargetName(target)) walk(target);
      }
    };
    walk(builtin);
  }
}
