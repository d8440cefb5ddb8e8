import { foreignDnatRules } from '../iptables/adopt';
import type { IptablesCommands } from '../iptables/kernel';
import type { ForeignMatch, ForeignRule } from '../model/report';
import type { CommandRunner } from '../runner/command-runner';
import { foreignOwnerReason, foreignRef } from '../model/foreign-owner';
import { readIptablesIfInstalled } from './forward';
import { table } from './names';
import { EngineError } from '../errors';

/**
 * DNAT rules in other nftables tables, from `nft list ruleset` text: `table`/`chain` lines open a
 * scope, any rule line with `dnat` is reported with where it sits. `skip` names tables iptables
 * already reported (iptables-nft keeps its tables in nft too).
 */
export function foreignNftDnat(ruleset: string, skip: Set<string>): ForeignRule[] {
  const out: ForeignRule[] = [];
  let tbl = '';
  let chain = '';
  for (const raw of ruleset.split('\n')) {
    const line = raw.trim();
    const t = /^table (\S+) (\S+) \{$/.exec(line);
    if (t) {
      tbl = `${t[1]} ${t[2]}`;
      continue;
    }
    const c = /^chain (\S+) \{$/.exec(line);
    if (c) {
      chain = c[1];
      continue;
    }
    if (!tbl || tbl === `${table.family} ${table.name}` || skip.has(tbl)) continue;
    if (/(^|\s)dnat(\s|$)/.test(line) && !line.startsWith('type ')) {
      const reason = foreignOwnerReason(tbl) ?? 'a rule in another nftables table: adopt it by hand (switchyard export/import), then delete it there';
      out.push({ ref: foreignRef(`nft ${tbl}`, chain, line), table: `nft ${tbl}`, chain, rule: line, adoptAs: null, reason, match: nftMatch(line) });
    }
  }
  return out;
}

/** What an nft DNAT rule matches on, as far as its plain `iifname`, `ip daddr` and `tcp/udp dport` say. */
export function nftMatch(rule: string): ForeignMatch {
  const m: ForeignMatch = {};
  const port = /\b(tcp|udp) dport (\d+)\b/.exec(rule);
  if (port) {
    m.proto = port[1];
    m.port = Number(port[2]);
  } else {
    const proto = /\bmeta l4proto (tcp|udp)\b/.exec(rule);
    if (proto) m.proto = proto[1];
  }
  const iface = /\biifname "?([A-Za-z0-9_.-]+)"?(?=\s)/.exec(rule);
  if (iface) m.iface = iface[1];
  const dst = /\bip daddr ([0-9.]+(?:\/\d+)?)\b/.exec(rule);
  if (dst) m.destination = dst[1];
  return m;
}

/** Foreign DNAT rules on a host served by the nft backend: iptables' nat table and other nft tables. */
export async function foreignRules(runner: CommandRunner, cmds: IptablesCommands): Promise<ForeignRule[]> {
  const [iptables, ruleset] = await Promise.all([readIptablesIfInstalled(runner, cmds), otherTables(runner)]);
  // Tables iptables-nft keeps in nft are reported in iptables' words already.
  const skip = new Set(iptables && cmds.save !== 'iptables-legacy-save' ? iptables.tables.map((t) => `ip ${t.name}`) : []);
  return [...(iptables ? foreignDnatRules(iptables) : []), ...foreignNftDnat(ruleset, skip)];
}

/**
 * The text of every nft table but Switchyard's, the tables found through their chains (a table
 * without chains holds no DNAT). `nft list ruleset` would print Switchyard's own table too, and
 * nft 1.0.6 loads every element of every table for it; one table at a time loads only that one.
 */
async function otherTables(runner: CommandRunner): Promise<string> {
  const chains = await runner.run('nft', ['-j', 'list', 'chains']);
  if (chains.exitCode !== 0) return '';
  const tables = new Set<string>();
  try {
    for (const item of (JSON.parse(chains.stdout).nftables ?? []) as { chain?: { family: string; table: string } }[]) {
      if (item.chain && !(item.chain.family === table.family && item.chain.table === table.name)) tables.add(`${item.chain.family} ${item.chain.table}`);
    }
  } catch (e) {
    throw new EngineError('host-failure', `could not read nft's list of chains: ${(e as Error).message}`, { cause: e });
  }
  const texts: string[] = [];
  for (const t of tables) {
    const r = await runner.run('nft', ['list', 'table', ...t.split(' ')]);
    if (r.exitCode === 0) texts.push(r.stdout);
  }
  return texts.join('\n');
}
