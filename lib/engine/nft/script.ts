import { mapOf, tableRef, type MapName } from './names';
import type { Count, NftChain, NftElement, NftRule, NftTable } from './model';

const q = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
const counterText = (c: Count | undefined) => (c ? `counter packets ${c.packets} bytes ${c.bytes}` : 'counter');
/** A rule as nft reads it: an inline counter starts from the count carried over, if any. */
const ruleLine = (r: NftRule) => `${r.counter ? r.text.replace(/(^| )counter( |$)/, `$1${counterText(r.counter)}$2`) : r.text} comment ${q(r.comment)}`;
const counted = (map: MapName) => mapOf.get(map)?.counted ?? false;
/** An element as nft reads it; in a counted map its counter starts from the count carried over, if any. */
const elementText = (map: MapName, e: NftElement) => `${e.key}${counted(map) ? ` ${counterText(e.counter)}` : ''} comment ${q(e.comment)} : ${e.value}`;
const mapHeader = (name: MapName) => {
  const m = mapOf.get(name)!;
  return [`type ${m.key.join(' . ')} : ${m.value}`, ...(m.counted ? ['counter'] : [])];
};

/**
 * The whole table in one `nft -f` transaction: declare it (so the delete cannot fail), delete it,
 * and define it anew. Packets see the old table or the new one, never neither. Counters start
 * from the counts on elements and rules (carried over from the kernel by the caller). Null means "no table at all".
 */
export function renderTable(t: NftTable | null): string {
  const out = [`add table ${tableRef}`, `delete table ${tableRef}`];
  if (!t) return out.join('\n') + '\n';
  out.push(`table ${tableRef} {`);
  // Named counters exist only in tables of the earlier design (put back as they were when undoing).
  for (const [name, c] of t.counterObjects ?? []) out.push(`\tcounter ${name} { packets ${c.packets} bytes ${c.bytes} }`);
  // Regular chains before the maps whose elements jump to them, base chains last.
  const chains = [...t.chains.values()];
  for (const c of chains.filter((x) => !x.base)) out.push(...chainBlock(c));
  for (const [name, elements] of t.maps) {
    const els = [...elements.values()];
    if (!mapOf.has(name)) continue; // a map Switchyard no longer declares goes with the old table
    out.push(`\tmap ${name} {`, ...mapHeader(name).map((l) => `\t\t${l}`));
    if (els.length) out.push(`\t\telements = { ${els.map((e) => elementText(name, e)).join(',\n\t\t\t')} }`);
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
      if (!h || h.value !== e.value || h.comment !== e.comment) addElements.push(`add element ${tableRef} ${name} { ${elementText(name, e)} }`);
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
  // References must exist when named: elements go before the chains they jump to, and come after them.
  const lines = [...delElements, ...flush, ...delChains, ...addChains, ...addRules, ...addElements];
  return lines.length ? lines.join('\n') + '\n' : '';
}
