import type { Counters } from '../model/report';

/** The netfilter tables Switchyard writes to (others are parsed and left alone). */
export type TableName = 'nat' | 'filter';

/** One rule: the chain it is appended to and its arguments after `-A CHAIN`. */
export interface Rule {
  chain: string;
  args: string[];
  counters?: Counters;
}

/** A chain with its rules in order; `policy` is null for user-defined chains. */
export interface Chain {
  name: string;
  policy: string | null;
  counters?: Counters;
  rules: Rule[];
}

/** One table: chains in declaration order. */
export interface Table {
  name: string;
  chains: Chain[];
}

/** What `iptables-save` describes: tables in order. */
export interface Tables {
  tables: Table[];
}

export const builtinChains: Record<string, readonly string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** True for the kernel's own chains (PREROUTING, FORWARD, …) of a table. */
export function isBuiltinChain(table: string, chain: string): boolean {
  return (builtinChains[table] ?? []).includes(chain);
}

/** The table by name, if present. */
export function findTable(t: Tables, name: string): Table | undefined {
  return t.tables.find((x) => x.name === name);
}

/** The chain by name within a table, if present. */
export function findChain(t: Tables, table: string, chain: string): Chain | undefined {
  return findTable(t, table)?.chains.find((c) => c.name === chain);
}

/** Two rules are the same when their arguments are (counters aside). */
export function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The value after `flag` in a rule's arguments, if any. */
export function argValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The jump target (`-j X`) of a rule, if any. */
export const jumpTarget = (r: Pick<Rule, 'args'>): string | undefined => argValue(r.args, '-j') ?? argValue(r.args, '-g');
