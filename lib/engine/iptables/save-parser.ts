import { splitArgs } from './tokens';
import type { Chain, Table, Tables } from './ruleset';
import { isBuiltinChain } from './ruleset';

/** A line of iptables-save (or restore) input that could not be understood. */
export class SaveParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'SaveParseError';
  }
}

const counterRe = /^\[(\d+):(\d+)\]$/;

/**
 * Parse `iptables-save [-c]` output strictly: every line must be a comment, a table header,
 * a chain declaration, an `-A` rule of a declared chain, or COMMIT; each table must be committed.
 */
export function parseSave(text: string): Tables {
  const tables: Table[] = [];
  let table: Table | null = null;
  // Chains of the table being read, by name: one look-up per line, never a search.
  let chains = new Map<string, Chain>();
  const seen = new Map<string, string>();
  const lines = text.split('\n');
  lines.forEach((raw, idx) => {
    const n = idx + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('*')) {
      if (table) throw new SaveParseError(n, `table ${line.slice(1)} starts before ${table.name} is committed`);
      const name = line.slice(1);
      if (!/^[a-z]+$/.test(name)) throw new SaveParseError(n, `bad table name "${name}"`);
      if (tables.some((t) => t.name === name)) throw new SaveParseError(n, `table ${name} appears twice`);
      table = { name, chains: [] };
      chains = new Map();
      return;
    }
    if (!table) throw new SaveParseError(n, `"${line}" outside a table`);
    const t: Table = table;
    if (line === 'COMMIT') {
      tables.push(t);
      table = null;
      return;
    }
    if (line.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/.exec(line);
      if (!m) throw new SaveParseError(n, `bad chain declaration "${line}"`);
      const [, name, policy, p, b] = m;
      if (chains.has(name)) throw new SaveParseError(n, `chain ${name} declared twice`);
      const builtin = isBuiltinChain(t.name, name);
      if (builtin === (policy === '-')) throw new SaveParseError(n, `chain ${name} has policy "${policy}"`);
      const chain: Chain = { name, policy: policy === '-' ? null : policy, rules: [] };
      if (p !== undefined) chain.counters = { packets: Number(p), bytes: Number(b) };
      t.chains.push(chain);
      chains.set(name, chain);
      return;
    }
    // A rule: `[packets:bytes] -A CHAIN args…`, the counters optional.
    let counters;
    let rest = line;
    if (line.startsWith('[')) {
      const end = line.indexOf(' ');
      const cm = counterRe.exec(end < 0 ? line : line.slice(0, end));
      if (!cm) throw new SaveParseError(n, `bad counters in "${line}"`);
      counters = { packets: Number(cm[1]), bytes: Number(cm[2]) };
      rest = line.slice(end + 1).trimStart();
    }
    const nameEnd = rest.indexOf(' ', 3);
    if (!rest.startsWith('-A ') || nameEnd < 0) throw new SaveParseError(n, `expected "-A CHAIN …", got "${line}"`);
    const chain = chains.get(rest.slice(3, nameEnd));
    if (!chain) throw new SaveParseError(n, `rule for undeclared chain ${rest.slice(3, nameEnd)}`);
    let args: string[];
    try {
      args = splitArgs(rest.slice(nameEnd + 1));
    } catch (e) {
      throw new SaveParseError(n, (e as Error).message);
    }
    // Most arguments repeat on every line (`-m`, `comment`, `ACCEPT`, an interface): one copy each
    // is kept, so tens of thousands of rules do not leave a million small strings to collect.
    for (let i = 0; i < args.length; i++) {
      const known = seen.get(args[i]);
      if (known === undefined) seen.set(args[i], args[i]);
      else args[i] = known;
    }
    if (args.length === 0) throw new SaveParseError(n, `expected "-A CHAIN …", got "${line}"`);
    chain.rules.push(counters ? { chain: chain.name, args, counters } : { chain: chain.name, args });
  });
  if (table) throw new SaveParseError(lines.length, `table ${(table as Table).name} is not committed`);
  return { tables };
}
