import type { HostState } from '../model/binding';
import { bindingElements, carryCounters, compileTable, emptyTable, localKey, localOwners, portTraffic, sharedChains, trafficRules, type NftElement, type NftTable } from './model';
import { tag, type MapName } from './names';
import { trafficRulesByComment } from './readback';
import { renderChanges, renderTable } from './script';

/** A deep copy of a table model, so the kernel's copy stays what was read. */
function copyTable(t: NftTable): NftTable {
  return {
    maps: new Map([...t.maps].map(([k, v]) => [k, new Map(v)])),
    chains: new Map([...t.chains].map(([k, c]) => [k, { ...c, rules: [...c.rules] }])),
  };
}

/**
 * The table as the kernel holds it, with the bindings `ids` put back as `state` asks (their map
 * elements, and their ports' traffic counting) and the shared chains they need. An element put
 * back where the kernel had the same key for the same binding keeps its count. Every other
 * binding's elements and rules stay exactly as they were read.
 */
export function repairedTable(have: NftTable | null, state: Pick<HostState, 'bindings' | 'exposed'>, ids: ReadonlySet<string>): NftTable {
  const t = have ? copyTable(have) : emptyTable();
  for (const [name, els] of emptyTable().maps) if (!t.maps.has(name)) t.maps.set(name, els);
  for (const c of sharedChains(state.exposed)) t.chains.set(c.name, c);
  const repaired = state.bindings.filter((x) => ids.has(x.id));
  const keys = new Set(repaired.map(localKey));
  // The repaired bindings' elements as the kernel holds them go first, found in one pass (their counts kept aside).
  const repairedTags = new Set([...ids].map(tag.binding));
  const counts = new Map<string, NftElement>();
  for (const [map, els] of t.maps) {
    for (const [k, e] of els) {
      if (!repairedTags.has(e.comment)) continue;
      counts.set(`${map} ${k} ${e.comment}`, e);
      els.delete(k);
    }
  }
  const put = (map: MapName, element: NftElement) => {
    const els = t.maps.get(map)!;
    const before = counts.get(`${map} ${element.key} ${element.comment}`) ?? els.get(element.key);
    const counter = before?.comment === element.comment ? before.counter : undefined;
    els.set(element.key, { ...element, ...(counter ? { counter } : {}) });
  };
  // Their ports' traffic: their own rules as compiled, their neighbours' as the kernel holds them.
  const held = trafficRulesByComment(have);
  for (const p of portTraffic(state.bindings, keys, (b) => (ids.has(b.id) ? trafficRules(b) : (held.get(tag.binding(b.id)) ?? []).map((x) => x.rule)))) {
    if (p.chain) t.chains.set(p.chain.name, p.chain);
    for (const { map, element } of p.elements) put(map, element);
  }
  const owners = localOwners(state.bindings, keys);
  for (const b of repaired) for (const { map, element } of bindingElements(b, owners.get(localKey(b)) === b.id)) put(map, element);
  return t;
}

/**
 * The one `nft -f` transaction for a repair: only the differences when the table and its maps are
 * there, else the table written whole (what the kernel held, plus the repaired bindings).
 */
export function repairScript(have: NftTable | null, state: Pick<HostState, 'bindings' | 'exposed'>, ids: ReadonlySet<string>): string {
  // A table of the earlier design (a chain and named counters per binding) is taken over whole, counts carried.
  if (have?.counterObjects?.size) return renderTable(carryCounters(compileTable(state), have));
  const want = repairedTable(have, state, ids);
  const intact =
    have &&
    [...want.maps.keys()].every((m) => have.maps.has(m)) &&
    [...want.chains.values()].every((c) => !c.base || have.chains.has(c.name));
  return intact ? renderChanges(have, want) : renderTable(want);
}
