import type { HostState } from '../model/binding';
import { bindingElements, bindingRules, emptyTable, localKey, localOwners, portChains, sharedChains, trafficRules, type NftTable } from './model';
import { bindingChain, tag, trafficCounter } from './names';
import { trafficRulesByComment } from './readback';
import { renderChanges, renderTable } from './script';

/** A deep copy of a table model, so the kernel's copy stays what was read. */
function copyTable(t: NftTable): NftTable {
  return {
    counters: new Map([...t.counters].map(([k, v]) => [k, { ...v }])),
    maps: new Map([...t.maps].map(([k, v]) => [k, new Map(v)])),
    chains: new Map([...t.chains].map(([k, c]) => [k, { ...c, rules: [...c.rules] }])),
  };
}

/**
 * The table as the kernel holds it, with the bindings `ids` put back as `state` asks (their map
 * elements, chains and counters, keeping a counter's value) and the shared chains they need.
 * Every other binding's elements and chains stay exactly as they were read.
 */
export function repairedTable(have: NftTable | null, state: Pick<HostState, 'bindings' | 'exposed'>, ids: ReadonlySet<string>): NftTable {
  const t = have ? copyTable(have) : emptyTable();
  for (const [name, els] of emptyTable().maps) if (!t.maps.has(name)) t.maps.set(name, els);
  for (const c of sharedChains(state.exposed)) t.chains.set(c.name, c);
  // The repaired bindings' port chains: their traffic counters as compiled, their neighbours' as the kernel holds them.
  const held = trafficRulesByComment(have);
  const repairedBindings = state.bindings.filter((x) => ids.has(x.id));
  const keys = new Set(repairedBindings.map(localKey));
  for (const p of portChains(state.bindings, keys, (b) => (ids.has(b.id) ? trafficRules(b) : (held.get(tag.binding(b.id)) ?? []).map((x) => x.rule)))) {
    t.chains.set(p.chain.name, p.chain);
    t.maps.get(p.map)!.set(p.element.key, p.element);
  }
  const owners = localOwners(state.bindings, keys);
  // The repaired bindings' elements as the kernel holds them go first, found in one pass.
  const repairedTags = new Set([...ids].map(tag.binding));
  for (const els of t.maps.values()) for (const [k, e] of els) if (repairedTags.has(e.comment)) els.delete(k);
  for (const b of repairedBindings) {
    for (const { map, element } of bindingElements(b, owners.get(localKey(b)) === b.id)) t.maps.get(map)!.set(element.key, element);
    t.chains.set(bindingChain(b.id), { name: bindingChain(b.id), rules: bindingRules(b) });
    for (const name of [bindingChain(b.id), trafficCounter(b.id, 'original'), trafficCounter(b.id, 'reply')]) {
      if (!t.counters.has(name)) t.counters.set(name, { packets: 0, bytes: 0 });
    }
  }
  return t;
}

/**
 * The one `nft -f` transaction for a repair: only the differences when the table and its maps are
 * there, else the table written whole (what the kernel held, plus the repaired bindings).
 */
export function repairScript(have: NftTable | null, state: Pick<HostState, 'bindings' | 'exposed'>, ids: ReadonlySet<string>): string {
  const want = repairedTable(have, state, ids);
  const intact = have && [...want.maps.keys()].every((m) => have.maps.has(m)) && [...want.chains.values()].every((c) => !c.base || have.chains.has(c.name));
  return intact ? renderChanges(have, want) : renderTable(want);
}
