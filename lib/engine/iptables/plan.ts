import type { Counters } from '../model/report';
import type { RuleSet } from './compile';
import { isOwnedChain, tag } from './names';
import { RestoreScript } from './restore-script';
import type { Chain, Rule, TableName, Tables } from './ruleset';
import { argValue, findTable, isBuiltinChain, jumpTarget, sameArgs } from './ruleset';

const tableNames: TableName[] = ['nat', 'filter'];

/** A jump from a built-in chain into Switchyard (tagged as a hook, or aimed at an owned chain). */
const isOwnedHook = (r: Rule) => argValue(r.args, '--comment') === tag.hook || isOwnedChain(jumpTarget(r) ?? '');

/** What Switchyard holds in the kernel now: its chains and its hook rules, per table. */
export function ownedOf(current: Tables): RuleSet {
  const of = (name: TableName) => {
    const t = findTable(current, name);
    const chains = (t?.chains ?? []).filter((c) => isOwnedChain(c.name));
    const hooks = (t?.chains ?? []).filter((c) => isBuiltinChain(name, c.name)).flatMap((c) => c.rules.filter(isOwnedHook));
    return { chains, hooks };
  };
  return { nat: of('nat'), filter: of('filter') };
}

/** A rule's arguments as one map key (NUL never occurs in an argument). */
export const argsKey = (args: readonly string[]) => args.join('\0');

/** The counters of a chain's rules, keyed by arguments, in order (a chain may repeat a rule). */
export function countersByArgs(rules: readonly Rule[]): Map<string, (Counters | undefined)[]> {
  const m = new Map<string, (Counters | undefined)[]>();
  for (const r of rules) {
    const k = argsKey(r.args);
    const list = m.get(k);
    if (list) list.push(r.counters);
    else m.set(k, [r.counters]);
  }
  return m;
}

const sameRules = (a: Chain, b: Chain) => a.rules.length === b.rules.length && a.rules.every((r, i) => sameArgs(r.args, b.rules[i].args));

/** The result of planning: the script and which owned chains it rewrites, creates or deletes. */
export interface Plan {
  script: string;
  rewritten: string[];
  deleted: string[];
}

/**
 * The smallest `iptables-restore --noflush` transaction that turns what the kernel holds into
 * `desired` (and removes the foreign rules in `release`): only chains whose rules differ are rewritten (a rebind touches one chain), hooks are
 * added once and duplicates removed, and nothing outside Switchyard's chains and hooks is named.
 */
export function plan(current: Tables, desired: RuleSet, release: readonly Rule[] = []): Plan {
  const s = new RestoreScript();
  // adopt: another tool's rule leaves in the same transaction that adds the binding replacing it.
  for (const r of release) s.deleteRule('nat', r);
  const rewritten: string[] = [];
  const deleted: string[] = [];
  const have = ownedOf(current);
  for (const table of tableNames) {
    const want = desired[table];
    // Chains by name on both sides: planning is linear in the number of chains.
    const haveByName = new Map(have[table].chains.map((c) => [c.name, c]));
    const wantNames = new Set(want.chains.map((c) => c.name));
    for (const c of want.chains) {
      const now = haveByName.get(c.name);
      if (now && sameRules(now, c)) continue;
      s.declare(table, c.name);
      // Rewriting a chain must not zero the counters of the rules that stay the same.
      const pool = countersByArgs(now?.rules ?? []);
      for (const r of c.rules) {
        const kept = pool.get(argsKey(r.args))?.shift();
        s.append(table, kept && (kept.packets || kept.bytes) ? { ...r, counters: kept } : r);
      }
      rewritten.push(c.name);
    }
    for (const c of have[table].chains) {
      if (wantNames.has(c.name)) continue;
      s.declare(table, c.name).deleteChain(table, c.name);
      deleted.push(c.name);
    }
    // Keep the first hook that matches exactly; delete duplicates and strays; add what is missing.
    const kept = new Set<Rule>();
    for (const h of want.hooks) {
      const found = have[table].hooks.find((r) => !kept.has(r) && r.chain === h.chain && sameArgs(r.args, h.args));
      if (found) kept.add(found);
      else s.insertFirst(table, h);
    }
    for (const r of have[table].hooks) if (!kept.has(r)) s.deleteRule(table, r);
  }
  return { script: s.toString(), rewritten, deleted };
}
