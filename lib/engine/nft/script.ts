import { maps, tableRef, type MapName } from './names';
import type { NftChain, NftElement, NftRule, NftTable } from './model';

const q = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
const ruleLine = (r: NftRule) => `${r.text} comment ${q(r.comment)}`;
const elementText = (e: NftElement) => `${e.key} comment ${q(e.comment)} : ${e.value}`;
const mapType = (name: MapName) => {
  const m = Object.values(maps).find((x) => x.name === name)!;
  return `type ${m.key.join(' . ')} : ${m.value}`;
};

/**
 * The whole table in one `nft -f` transaction: declare it (so the delete cannot fail), delete it,
 * and define it anew. Packets see the old table or the new one, never neither. Counters start
 * from `t.counters` (carried over from the kernel by the caller). Null means "no table at all".
 */
export function renderTable(t: NftTable | null): string {
  const out = [`add table ${tableRef}`, `delete table ${tableRef}`];
  if (!t) return out.join('\n') + '\n';
  out.push(`table ${tableRef} {`);
  for (const [name, c] of t.counters) out.push(`\tcounter ${name} { packets ${c.packets} bytes ${c.bytes} }`);
  // Binding chains before the maps whose elements jump to them, base chains last.
  const chains = [...t.chains.values()];
  for (const c of chains.filter((x) => !x.base)) out.push(...chainBlock(c));
  for (const [name, elements] of t.maps) {
    const els = [...elements.values()];
    out.push(`\tmap ${name} {`, `\t\t${mapType(name)}`);
    if (els.length) out.push(`\t\telements = { ${els.map(elementText).join(',\n\t\t\t')} }`);
    out.push('\t}');
  }
  for (const c of chains.filter((x) => x.base)) out.push(...chainBlock(c));
  out.push('}');
  return out.join('\n') + '\n';
}

function chainBlock(c: NftChain): string[] {
  return [`\tchain ${c.name} {`, ...(c.base ? [`\t\t${c.base}`] : []), ...c.rules.map((r) => `\t\t${ruleLine(r)}`), '\t}'];
}

const sameRules = (a: NftRule[], b: NftRule[]) => a.length === b.length && a.every((r, i) => r.text === b[i].text && r.comment === b[i].comment);

/**
 * The smallest transaction that turns the table `before` describes into `after`, planned from the
 * two states alone (no read of the kernel): a rebind replaces its target elements and nothing else.
 * It fails if the kernel drifted from `before`; the caller then falls back to a full sync.
 */
export function renderChanges(before: NftTable, after: NftTable): string {
  const delElements: string[] = [];
  const addElements: string[] = [];
  for (const [name, want] of after.maps) {
    const have = before.maps.get(name) ?? new Map<string, NftElement>();
    for (const [key, e] of have) {
      const w = want.get(key);
      if (!w || w.value !== e.value || w.comment !== e.comment) delElements.push(`delete element ${tableRef} ${name} { ${key} }`);
    }
    for (const [key, e] of want) {
      const h = have.get(key);
      if (!h || h.value !== e.value || h.comment !== e.comment) addElements.push(`add element ${tableRef} ${name} { ${elementText(e)} }`);
    }
  }
  const flush: string[] = [];
  const delChains: string[] = [];
  const addChains: string[] = [];
  const addRules: string[] = [];
  for (const [name, c] of before.chains) {
    const w = after.chains.get(name);
    if (!w) delChains.push(`delete chain ${tableRef} ${name}`);
    else if (!sameRules(c.rules, w.rules)) flush.push(`flush chain ${tableRef} ${name}`);
    else continue;
    if (w) addRules.push(...w.rules.map((r) => `add rule ${tableRef} ${name} ${ruleLine(r)}`));
  }
  for (const [name, c] of after.chains) {
    if (before.chains.has(name)) continue;
    addChains.push(c.base ? `add chain ${tableRef} ${name} { ${c.base} }` : `add chain ${tableRef} ${name}`);
    addRules.push(...c.rules.map((r) => `add rule ${tableRef} ${name} ${ruleLine(r)}`));
  }
  const delCounters = [...before.counters.keys()].filter((n) => !after.counters.has(n)).map((n) => `delete counter ${tableRef} ${n}`);
  const addCounters = [...after.counters.keys()].filter((n) => !before.counters.has(n)).map((n) => `add counter ${tableRef} ${n}`);
  // References must exist when named: elements go before the chains they jump to, rules before their counters.
  const lines = [...delElements, ...flush, ...delChains, ...delCounters, ...addCounters, ...addChains, ...addRules, ...addElements];
  return lines.length ? lines.join('\n') + '\n' : '';
}
