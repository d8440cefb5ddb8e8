import type { Binding } from '../model/binding';
import type { BindingReport } from '../model/report';
import { bindingElements, bindingRules, localKey, localOwners, portChains, sharedChains, trafficRules, type NftChain, type NftElement, type NftRule, type NftTable } from './model';
import { bindingChain, portChain, tag, trafficCounter } from './names';

const elementLine = (map: string, e: NftElement) => `map ${map} { ${e.key} : ${e.value} }`;
const ruleLine = (chain: string, r: NftRule) => `chain ${chain}: ${r.text}`;

/** True when two tables hold the same elements, chains and rules (counter values aside). */
export function sameTable(a: NftTable | null, b: NftTable | null): boolean {
  if (!a || !b) return a === b;
  if (a.counters.size !== b.counters.size || [...a.counters.keys()].some((k) => !b.counters.has(k))) return false;
  if (a.maps.size !== b.maps.size) return false;
  for (const [name, els] of a.maps) {
    const other = b.maps.get(name);
    if (!other || other.size !== els.size) return false;
    for (const [k, e] of els) {
      const o = other.get(k);
      if (!o || o.value !== e.value || o.comment !== e.comment) return false;
    }
  }
  if (a.chains.size !== b.chains.size) return false;
  for (const [name, c] of a.chains) {
    const o = b.chains.get(name);
    if (!o || !o.base !== !c.base || o.rules.length !== c.rules.length) return false;
    if (c.rules.some((r, i) => r.text !== o.rules[i].text || r.comment !== o.rules[i].comment)) return false;
  }
  return true;
}

/** Elements by the binding id in their comment, gathered in one pass. */
function elementsById(have: NftTable): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const [map, els] of have.maps) {
    for (const e of els.values()) {
      if (!e.comment.startsWith('switchyard:')) continue;
      const id = e.comment.slice('switchyard:'.length);
      const list = byId.get(id) ?? [];
      list.push(elementLine(map, e));
      byId.set(id, list);
    }
  }
  return byId;
}

/**
 * The traffic rules the kernel holds (in the port chains, or in forward itself as tables written
 * before port chains did), grouped by comment with their chain, in order: one pass instead of a
 * search per binding.
 */
export function trafficRulesByComment(have: NftTable | null): Map<string, { chain: string; rule: NftRule }[]> {
  const by = new Map<string, { chain: string; rule: NftRule }[]>();
  const chains: NftChain[] = have ? [...have.chains.values()].filter((c) => c.name === 'forward' || c.name.startsWith('f-')) : [];
  for (const c of chains) {
    for (const rule of c.rules) {
      const list = by.get(rule.comment);
      if (list) list.push({ chain: c.name, rule });
      else by.set(rule.comment, [{ chain: c.name, rule }]);
    }
  }
  return by;
}

/** The forward map element leading to a binding's port chain, when the kernel lacks it. */
function missingDispatch(have: NftTable | null, b: Binding): string[] {
  const [p] = portChains([b]);
  const e = have?.maps.get(p.map)?.get(p.element.key);
  return e && e.value === p.element.value ? [] : [elementLine(p.map, p.element)];
}

/** Shared rules a binding depends on (dispatch, masquerade, forward) that the kernel lacks. */
function missingShared(have: NftTable, masquerade: boolean): string[] {
  const missing: string[] = [];
  for (const c of sharedChains([])) {
    const rules = have.chains.get(c.name)?.rules ?? [];
    for (const r of c.rules) {
      if (r.comment === tag.masquerade && !masquerade) continue;
      if (!rules.some((x) => x.text === r.text && x.comment === r.comment)) missing.push(ruleLine(c.name, r));
    }
  }
  return missing;
}

/**
 * Compare what each binding should have with what the table holds: active (exactly its elements,
 * chain and counter), missing (none of them), drifted (anything else, or a shared rule it needs).
 */
export function readBackTable(bindings: Binding[], have: NftTable | null): BindingReport[] {
  const owners = localOwners(bindings);
  const found = have ? elementsById(have) : new Map<string, string[]>();
  const traffic = trafficRulesByComment(have);
  const shared = new Map<boolean, string[]>();
  const sharedFor = (m: boolean) => {
    if (!shared.has(m)) shared.set(m, have ? missingShared(have, m) : []);
    return shared.get(m)!;
  };
  return bindings.map((b) => {
    const chain = bindingChain(b.id);
    const ports = portChain(b.proto, b.front.port);
    const expected = [
      ...bindingElements(b, owners.get(localKey(b)) === b.id).map((x) => elementLine(x.map, x.element)),
      ...bindingRules(b).map((r) => ruleLine(chain, r)),
      ...trafficRules(b).map((r) => ruleLine(ports, r)),
    ];
    const own = have?.chains.get(chain);
    const counted = traffic.get(tag.binding(b.id)) ?? [];
    const actual = [...(found.get(b.id) ?? []), ...(own?.rules ?? []).map((r) => ruleLine(chain, r)), ...counted.map((x) => ruleLine(x.chain, x.rule))];
    const pool = new Map<string, number>();
    for (const a of actual) pool.set(a, (pool.get(a) ?? 0) + 1);
    const missing = expected.filter((e) => {
      const n = pool.get(e) ?? 0;
      if (n > 0) pool.set(e, n - 1);
      return n === 0;
    });
    const unexpected = [...pool].flatMap(([line, n]) => Array<string>(n).fill(line));
    const counter = have?.counters.get(chain);
    if (!counter) missing.push(`counter ${chain}`);
    const [toTarget, fromTarget] = (['original', 'reply'] as const).map((dir) => {
      const c = have?.counters.get(trafficCounter(b.id, dir));
      if (!c) missing.push(`counter ${trafficCounter(b.id, dir)}`);
      return { packets: c?.packets ?? 0, bytes: c?.bytes ?? 0 };
    });
    if (actual.length > 0) missing.push(...sharedFor(b.masquerade), ...missingDispatch(have, b));
    const state = actual.length === counted.length ? 'missing' : missing.length === 0 && unexpected.length === 0 ? 'active' : 'drifted';
    return {
      ...b,
      state,
      counters: counter ?? { packets: 0, bytes: 0 },
      traffic: { connections: counter?.packets ?? 0, toTarget, fromTarget },
      rules: actual,
      ...(state === 'drifted' ? { drift: { missing, unexpected } } : {}),
    };
  });
}
