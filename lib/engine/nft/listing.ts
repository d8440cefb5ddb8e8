import { maps, table, type MapName } from './names';
import { emptyTable, type NftElement, type NftTable } from './model';
import { exprText, ruleCounter, ruleText } from './json-expr';

type J = Record<string, unknown>;

/** `nft -j` output that is not what nft prints. */
export class ListingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListingError';
  }
}

const keyTypes = new Map<string, readonly string[]>(Object.values(maps).map((m) => [m.name, m.key]));

/** An element's key as nft prints it: interface names quoted. */
function keyText(val: unknown, types: readonly string[]): string {
  const parts = (val as J)?.concat as unknown[] | undefined;
  const list = parts ?? [val];
  return list.map((p, i) => (types[i] === 'ifname' ? `"${p}"` : exprText(p))).join(' . ');
}

const parseItem = (text: string): J => {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ListingError(`nft -j printed something that is not JSON (${(e as Error).message})`);
  }
};

/**
 * Parse `nft -j list table ip switchyard` (or `list map`, or a terse listing) into the table
 * model (with counter values), so it can be compared with what compile() wants; with `into`, add
 * to that model (a map listed on its own replaces the map's empty terse entry). Unknown maps are
 * kept under their own names.
 */
export function parseListing(json: string, into?: NftTable): NftTable {
  const t = into ?? emptyTable();
  if (!into) t.maps.clear();
  let items = 0;
  for (const text of listingItems(json)) {
    items++;
    const elem = /^\{\s*"map"\s*:/.test(text) ? elemArray(text) : null;
    if (!elem) {
      addItem(t, parseItem(text));
      continue;
    }
    // A map of 10,000 elements: its header parsed alone, then one element at a time.
    const item = parseItem(text.slice(0, elem.start) + '[]' + text.slice(elem.end + 1)) as J;
    addItem(t, item);
    const v = item.map as J;
    const elements = t.maps.get(String(v.name) as MapName)!;
    const types = keyTypes.get(String(v.name)) ?? (Array.isArray(v.type) ? (v.type as string[]) : [String(v.type)]);
    for (const pair of arrayItems(text, elem.start + 1)) addElement(elements, parseItem(pair) as unknown as unknown[], types);
  }
  if (items === 0) throw new ListingError('nft -j output has no "nftables" array');
  return t;
}

/** Where a map item's `"elem": [ … ]` array starts and ends (the brackets' indexes), if it has one. */
function elemArray(text: string): { start: number; end: number } | null {
  const m = /"elem"\s*:\s*\[/.exec(text);
  if (!m) return null;
  const start = m.index + m[0].length - 1;
  const it = arrayItems(text, start + 1);
  let r = it.next();
  while (!r.done) r = it.next();
  return { start, end: r.value };
}

/**
 * The items of `{"nftables": [ … ]}` as separate JSON texts, found by one scan that tracks depth
 * and strings: at 10,000 bindings a listing is megabytes, and parsing it whole would hold every
 * object at once; item by item, only the compact model stays.
 */
export function listingItems(json: string): Generator<string, number> {
  const open = /^\s*\{\s*"nftables"\s*:\s*\[/.exec(json);
  if (!open) throw new ListingError('nft -j output has no "nftables" array');
  return arrayItems(json, open[0].length);
}

/** The items of the JSON array whose first item starts at or after `from`; returns the index of its closing bracket. */
function* arrayItems(json: string, from: number): Generator<string, number> {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = from; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth++ === 0) start = i;
    } else if (c === 125 || c === 93) {
      if (depth === 0) return i; // the closing bracket of the array
      if (--depth === 0) yield json.slice(start, i + 1);
    }
  }
  throw new ListingError('nft -j output ends in the middle of its array');
}

/** One `[key, value]` pair of a map's elements, into the map. */
function addElement(elements: Map<string, NftElement>, pair: unknown[], types: readonly string[]): void {
  const [k, value] = pair;
  const el = (k as J)?.elem as J | undefined;
  const key = keyText(el ? el.val : k, types);
  const counter = el?.counter as J | undefined;
  elements.set(key, {
    key,
    value: exprText(value),
    comment: String(el?.comment ?? ''),
    ...(counter ? { counter: { packets: Number(counter.packets ?? 0), bytes: Number(counter.bytes ?? 0) } } : {}),
  });
}

function addItem(t: NftTable, item: J): void {
  const [kind] = Object.keys(item);
  const v = item[kind] as J;
  if (kind === 'metainfo' || kind === 'table') return;
  if (v.table !== table.name || v.family !== table.family) return;
  if (kind === 'counter') {
    t.counterObjects ??= new Map();
    t.counterObjects.set(String(v.name), { packets: Number(v.packets ?? 0), bytes: Number(v.bytes ?? 0) });
  }
  else if (kind === 'map') {
    const name = String(v.name) as MapName;
    const types = keyTypes.get(name) ?? (Array.isArray(v.type) ? (v.type as string[]) : [String(v.type)]);
    const elements = new Map<string, NftElement>();
    for (const pair of (v.elem as unknown[][] | undefined) ?? []) addElement(elements, pair, types);
    t.maps.set(name, elements);
  } else if (kind === 'chain') {
    const base = v.hook ? `type ${v.type} hook ${v.hook} priority ${v.prio}; policy ${v.policy};` : undefined;
    const name = String(v.name);
    t.chains.set(name, { name, ...(base ? { base } : {}), rules: t.chains.get(name)?.rules ?? [] });
  } else if (kind === 'rule') {
    const name = String(v.chain);
    const c = t.chains.get(name) ?? { name, rules: [] };
    const exprs = (v.expr as unknown[]) ?? [];
    const counter = ruleCounter(exprs);
    c.rules.push({ text: ruleText(exprs), comment: String(v.comment ?? ''), ...(counter ? { counter } : {}) });
    t.chains.set(name, c);
  }
}
