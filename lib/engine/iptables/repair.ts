import type { HostState } from '../model/binding';
import { compile } from './compile';
import { bindingChain, bindingIdOfTag, chainPrefix } from './names';
import { argsKey, countersByArgs, ownedOf } from './plan';
import { RestoreScript } from './restore-script';
import { argValue, findChain, sameArgs, type Chain, type Rule, type TableName, type Tables } from './ruleset';

const tableNames: TableName[] = ['nat', 'filter'];

/** The binding a rule is tagged with, or null for a shared rule. */
const ownerOf = (r: Rule): string | null => bindingIdOfTag(argValue(r.args, '--comment'));

/**
 * The `iptables-restore --noflush` transaction that puts back what bindings `ids` need, as `state`
 * asks: their entries in SWITCHYARD-PRE/OUT, their own chains, and the shared rules they depend on
 * (hooks, masquerade, forward accept). Another binding's rule is never named: missing rules are
 * inserted in their place, unexpected rules of `ids` deleted one by one, and only `ids`' own
 * chains are rewritten (keeping the counters of rules that stay). Empty when nothing is missing.
 */
export function repairScript(current: Tables, state: Pick<HostState, 'bindings' | 'exposed'>, ids: ReadonlySet<string>): string {
  const s = new RestoreScript();
  const want = compile(state);
  const have = ownedOf(current);
  const ownChains = new Set([...ids].map(bindingChain));
  const concerns = (r: Rule) => {
    const owner = ownerOf(r);
    return owner === null || ids.has(owner);
  };
  for (const table of tableNames) {
    for (const h of want[table].hooks) {
      if (!have[table].hooks.some((r) => r.chain === h.chain && sameArgs(r.args, h.args))) s.insertFirst(table, h);
    }
    for (const c of want[table].chains) {
      const isBindingChain = c.name.startsWith(`${chainPrefix}B-`);
      if (isBindingChain && !ownChains.has(c.name)) continue;
      const now = findChain(current, table, c.name);
      if (isBindingChain || !now) rewriteChain(s, table, c, now, concerns);
      else mendChain(s, table, c, now, concerns);
    }
  }
  return s.toString();
}

/** Write a whole chain (a repaired binding's own, or a shared chain the kernel lost). */
function rewriteChain(s: RestoreScript, table: TableName, c: Chain, now: Chain | undefined, concerns: (r: Rule) => boolean): void {
  if (now && now.rules.length === c.rules.length && now.rules.every((r, i) => sameArgs(r.args, c.rules[i].args))) return;
  s.declare(table, c.name);
  const pool = countersByArgs(now?.rules ?? []);
  for (const r of c.rules.filter(concerns)) {
    const kept = pool.get(argsKey(r.args))?.shift();
    s.append(table, kept && (kept.packets || kept.bytes) ? { ...r, counters: kept } : r);
  }
}

/**
 * Mend a shared chain in place: delete the unexpected rules tagged with a repaired binding, then
 * insert each missing rule after the last rule that precedes it in the desired order.
 */
function mendChain(s: RestoreScript, table: TableName, c: Chain, now: Chain, concerns: (r: Rule) => boolean): void {
  const wanted = c.rules.filter(concerns);
  const pool = new Map<string, number>();
  for (const r of wanted) pool.set(argsKey(r.args), (pool.get(argsKey(r.args)) ?? 0) + 1);
  const cur: Rule[] = [];
  for (const r of now.rules) {
    const k = argsKey(r.args);
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      pool.set(k, n - 1);
      cur.push(r);
    } else if (ownerOf(r) !== null && concerns(r)) s.deleteRule(table, r);
    else cur.push(r);
  }
  const order = new Map<string, number>();
  c.rules.forEach((r, i) => order.has(argsKey(r.args)) || order.set(argsKey(r.args), i));
  const present = new Map<string, number>();
  for (const r of cur) present.set(argsKey(r.args), (present.get(argsKey(r.args)) ?? 0) + 1);
  for (const r of wanted) {
    const k = argsKey(r.args);
    const n = present.get(k) ?? 0;
    if (n > 0) {
      present.set(k, n - 1);
      continue;
    }
    const i = order.get(k)!;
    let at = 0;
    cur.forEach((x, j) => {
      const o = order.get(argsKey(x.args));
      if (o !== undefined && o < i) at = j + 1;
    });
    cur.splice(at, 0, r);
    s.insertAt(table, r, at + 1);
  }
}
