import type { Binding } from '../model/binding';
import type { BindingReport, Counters, Traffic } from '../model/report';
import { compile, compileBinding, trafficRules } from './compile';
import { bindingIdOfTag, hookChains, tag } from './names';
import { ownedOf } from './plan';
import type { Rule, Tables } from './ruleset';
import { argValue, findChain, findTable, sameArgs } from './ruleset';
import { formatRule } from './save-format';

/** Remove from `pool` the first rule equal to `r`; true if one was there. */
function take(pool: Rule[], r: Rule): boolean {
  const i = pool.findIndex((x) => x.chain === r.chain && sameArgs(x.args, r.args));
  if (i >= 0) pool.splice(i, 1);
  return i >= 0;
}

/** The shared rules every binding depends on: the four hooks, the masquerade and the forward accept. */
function sharedRules(b: Binding): { table: 'nat' | 'filter'; rule: Rule }[] {
  const rs = compile({ bindings: [b], exposed: [] });
  const post = rs.nat.chains.find((c) => c.name === hookChains.post.chain)!.rules.filter((r) => argValue(r.args, '--comment') === tag.masquerade);
  const fwd = rs.filter.chains.find((c) => c.name === hookChains.fwd.chain)!.rules.filter((r) => argValue(r.args, '--comment') === tag.forward);
  return [
    ...rs.nat.hooks.map((rule) => ({ table: 'nat' as const, rule })),
    ...rs.filter.hooks.map((rule) => ({ table: 'filter' as const, rule })),
    ...(b.masquerade ? post.map((rule) => ({ table: 'nat' as const, rule })) : []),
    ...fwd.map((rule) => ({ table: 'filter' as const, rule })),
  ];
}

/** Tagged rules of the entry chains (nat) or of the forward chain (filter), by binding id, gathered in one pass. */
function entriesById(current: Tables, table: 'nat' | 'filter'): Map<string, Rule[]> {
  const byId = new Map<string, Rule[]>();
  for (const c of table === 'nat' ? [hookChains.pre.chain, hookChains.out.chain] : [hookChains.fwd.chain]) {
    for (const r of findChain(current, table, c)?.rules ?? []) {
      const id = bindingIdOfTag(argValue(r.args, '--comment'));
      if (!id) continue;
      const list = byId.get(id);
      if (list) list.push(r);
      else byId.set(id, [r]);
    }
  }
  return byId;
}

/**
 * Compare what each binding should have with what the kernel holds: active (exactly its rules),
 * missing (none of them), drifted (anything else, including a missing hook it depends on).
 */
export function readBack(bindings: Binding[], current: Tables): BindingReport[] {
  const owned = ownedOf(current);
  const entries = entriesById(current, 'nat');
  const counting = entriesById(current, 'filter');
  const natChains = new Map((findTable(current, 'nat')?.chains ?? []).map((c) => [c.name, c]));
  // The shared rules differ only by whether the binding masquerades: check each variant once.
  const sharedMissing = new Map<boolean, string[]>();
  const missingShared = (b: Binding): string[] => {
    if (!sharedMissing.has(b.masquerade)) {
      const missing = sharedRules(b)
        .filter((s) => {
          const where = s.rule.chain.startsWith('SWITCHYARD-') ? (findChain(current, s.table, s.rule.chain)?.rules ?? []) : owned[s.table].hooks;
          return !where.some((r) => r.chain === s.rule.chain && sameArgs(r.args, s.rule.args));
        })
        .map((s) => `-t ${s.table} ${formatRule(s.rule)}`);
      sharedMissing.set(b.masquerade, missing);
    }
    return sharedMissing.get(b.masquerade)!;
  };
  return bindings.map((b) => {
    const want = compileBinding(b);
    const expected = [...want.entries, ...want.chain.rules, ...trafficRules(b)];
    const tagged = entries.get(b.id) ?? [];
    const own = natChains.get(want.chain.name);
    const counted = counting.get(b.id) ?? [];
    const actual = [...tagged, ...(own?.rules ?? []), ...counted];

    const pool = [...actual];
    const missing = [...expected.filter((r) => !take(pool, r)).map(formatRule), ...missingShared(b)];
    const unexpected = pool.map(formatRule);

    const counters: Counters = tagged.reduce(
      (acc, r) => ({ packets: acc.packets + (r.counters?.packets ?? 0), bytes: acc.bytes + (r.counters?.bytes ?? 0) }),
      { packets: 0, bytes: 0 },
    );
    const direction = (dir: string): Counters => {
      const r = counted.find((x) => argValue(x.args, '--ctdir') === dir);
      return { packets: r?.counters?.packets ?? 0, bytes: r?.counters?.bytes ?? 0 };
    };
    const traffic: Traffic = { connections: counters.packets, toTarget: direction('ORIGINAL'), fromTarget: direction('REPLY') };
    const state = tagged.length === 0 && !own ? 'missing' : missing.length === 0 && unexpected.length === 0 ? 'active' : 'drifted';
    return {
      ...b,
      state,
      counters,
      traffic,
      rules: actual.map(formatRule),
      ...(state === 'drifted' ? { drift: { missing, unexpected } } : {}),
    };
  });
}
