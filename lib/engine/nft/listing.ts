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
  const reader = new ListingReader(into);
  reader.push(json);
  return reader.end();
}

const nftablesOpen = /^\s*\{\s*"nftables"\s*:\s*\[/;
const elemKey = /"elem"\s*:\s*$/;

/**
 * `nft -j` output read piece by piece as nft writes it, into the table model: at 10,000 bindings
 * a map's listing is megabytes, so neither the whole text nor the whole parsed document is ever
 * held. One scan tracks depth and strings; each item of the `nftables` array is parsed on its own,
 * and a map's `elem` array one element at a time, so only the compact model stays.
 */
export class ListingReader {
  private readonly t: NftTable;
  /** Text before the `nftables` array opened. */
  private head = '';
  private opened = false;
  private closed = false;
  private items = 0;
  /** Depth inside the `nftables` array: 0 between items, 1 inside an item's outer object. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current item's text so far (a map's without its elements). */
  private item: string[] = [];
  /** In a map's `elem` array: the map its elements go to (null: another table's), and its key's types. */
  private elements: { name: MapName | null; types: readonly string[] } | undefined;
  private element: string[] = [];
  /** The map of the current item, when its elements were read one by one. */
  private streamed: { name: MapName; elements: Map<string, NftElement> } | undefined;
  private readonly sink?: (map: MapName, element: NftElement) => void;
  /** A table item for Switchyard's table was seen (a ruleset listing says so only this way). */
  sawTable = false;

  /** With `sink`, map elements go there instead of into the model (whose maps stay declared, empty). */
  constructor(into?: NftTable, sink?: (map: MapName, element: NftElement) => void) {
    this.sink = sink;
    this.t = into ?? emptyTable();
    if (!into) this.t.maps.clear();
  }

  /** The next piece of nft's output. */
  push(text: string): void {
    if (!this.opened) {
      this.head += text;
      const open = nftablesOpen.exec(this.head);
      if (!open) {
        if (/\[/.test(this.head)) throw new ListingError('nft -j output has no "nftables" array');
        return;
      }
      this.opened = true;
      text = this.head.slice(open[0].length);
      this.head = '';
    }
    if (this.closed) return;
    // `start`: where the text of the part being collected (an item, or one element) starts in this piece.
    let start = this.depth === 0 || (this.elements && this.depth === 3) ? -1 : 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        if (this.depth === 0) {
          start = i;
          this.item = [];
        } else if (this.depth === 2 && c === 91 && !this.elements) {
          const sofar = this.item.join('') + text.slice(start, i);
          if (elemKey.test(sofar)) {
            this.item = [sofar, '[]'];
            this.elements = this.openElements(sofar);
            this.depth++;
            start = -1;
            continue;
          }
        } else if (this.depth === 3 && this.elements) {
          start = i;
          this.element = [];
        }
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (this.depth === 0) {
          this.closed = true;
          return;
        }
        this.depth--;
        if (this.depth === 0) {
          this.item.push(text.slice(start, i + 1));
          this.endItem();
          start = -1;
        } else if (this.depth === 3 && this.elements) {
          this.element.push(text.slice(start, i + 1));
          this.addElement(this.element.join(''));
          start = -1;
        } else if (this.depth === 2 && this.elements) {
          // The `elem` array closed: the item's text goes on after it.
          this.elements = undefined;
          start = i + 1;
        }
      }
    }
    if (start >= 0) (this.elements && this.depth > 3 ? this.element : this.item).push(text.slice(start));
  }

  /** The model, once nft's output has ended; a listing cut short or without its array is an error. */
  end(): NftTable {
    if (!this.opened) throw new ListingError('nft -j output has no "nftables" array');
    if (!this.closed) throw new ListingError('nft -j output ends in the middle of its array');
    if (this.items === 0) throw new ListingError('nft -j output has no "nftables" array');
    return this.t;
  }

  /** A map item's `elem` array opens: where its elements go, from its header so far (`{"map": {…, "elem": `). */
  private openElements(sofar: string): { name: MapName | null; types: readonly string[] } {
    const v = (parseItem(sofar + '[]}}') as J).map as J | undefined;
    if (!v || v.table !== table.name || v.family !== table.family) return { name: null, types: [] };
    const name = String(v.name) as MapName;
    const types = keyTypes.get(name) ?? (Array.isArray(v.type) ? (v.type as string[]) : [String(v.type)]);
    const elements = new Map<string, NftElement>();
    this.t.maps.set(name, elements);
    this.streamed = { name, elements };
    return { name, types };
  }

  private addElement(text: string): void {
    const { name, types } = this.elements!;
    if (!name) return;
    const e = elementOf(parseItem(text) as unknown as unknown[], types);
    if (this.sink) this.sink(name, e);
    else this.streamed!.elements.set(e.key, e);
  }

  private endItem(): void {
    this.items++;
    const item = parseItem(this.item.join(''));
    this.item = [];
    const t = item.table as J | undefined;
    if (t && t.name === table.name && t.family === table.family) this.sawTable = true;
    addItem(this.t, item);
    // A map whose elements were read one by one: addItem made it anew, empty; put them back.
    if (this.streamed) this.t.maps.set(this.streamed.name, this.streamed.elements);
    this.streamed = undefined;
  }
}

/** One `[key, value]` pair of a map's elements. */
function elementOf(pair: unknown[], types: readonly string[]): NftElement {
  const [k, value] = pair;
  const el = (k as J)?.elem as J | undefined;
  const key = keyText(el ? el.val : k, types);
  const counter = el?.counter as J | undefined;
  return {
    key,
    value: exprText(value),
    comment: String(el?.comment ?? ''),
    ...(counter ? { counter: { packets: Number(counter.packets ?? 0), bytes: Number(counter.bytes ?? 0) } } : {}),
  };
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
    for (const pair of (v.elem as unknown[][] | undefined) ?? []) {
      const e = elementOf(pair, types);
      elements.set(e.key, e);
    }
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
