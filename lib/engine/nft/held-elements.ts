import type { Count, NftElement, NftTable } from './model';
import { tag, type MapName } from './names';

/** One element as read back, for the binding its comment names. */
export interface HeldElement {
  map: MapName;
  key: string;
  value: string;
  counter?: Count;
}

/** Elements per chunk of numbers; text goes in chunks of `textChunk` bytes. */
const perChunk = 1 << 13;
const textChunk = 1 << 20;
// Per element, in a Uint32Array: text chunk, owner start, key start, value start, end, map. In a Float64Array: packets (-1: no counter), bytes.
const fields = 6;
const ownerTag = 'switchyard:';

/**
 * The elements of Switchyard's maps as read back, grouped later by the binding their comment
 * names: their text in byte buffers and their numbers in typed arrays, outside the JS heap. At
 * 10,000 bindings, 50,000 small objects would make V8 grow its young generation by tens of MB; a
 * few buffers do not. Buffers are added in fixed chunks, never grown by copying: a copied buffer's
 * old pages would stay in this process (the allocator keeps them) while nothing uses them.
 * Elements whose comment names no owner (`switchyard:<id>`) are not kept.
 */
export class HeldElements {
  private readonly text: Buffer[] = [];
  private used = textChunk;
  private readonly index: Uint32Array[] = [];
  private readonly counters: Float64Array[] = [];
  private readonly maps: MapName[] = [];
  private readonly mapIndex = new Map<MapName, number>();
  /** How many elements are kept. */
  count = 0;
  /** Values of the elements of shared ports' dispatch (`switchyard:forward`), by map and key: a few. */
  readonly dispatch = new Map<string, string>();

  /** Keep one element of `map`. */
  add(map: MapName, e: NftElement): void {
    if (!e.comment.startsWith(ownerTag)) return;
    const owner = e.comment.slice(ownerTag.length);
    if (e.comment === tag.forward) this.dispatch.set(`${map} ${e.key}`, e.value);
    const need = Buffer.byteLength(owner) + Buffer.byteLength(e.key) + Buffer.byteLength(e.value);
    if (this.used + need > textChunk) {
      this.text.push(Buffer.allocUnsafe(Math.max(textChunk, need)));
      this.used = 0;
    }
    if (this.count % perChunk === 0) {
      this.index.push(new Uint32Array(perChunk * fields));
      this.counters.push(new Float64Array(perChunk * 2));
    }
    let m = this.mapIndex.get(map);
    if (m === undefined) {
      m = this.maps.push(map) - 1;
      this.mapIndex.set(map, m);
    }
    const t = this.text.length - 1;
    const buf = this.text[t];
    const n = this.index[this.index.length - 1];
    const at = (this.count % perChunk) * fields;
    n[at] = t;
    n[at + 1] = this.used;
    this.used += buf.write(owner, this.used);
    n[at + 2] = this.used;
    this.used += buf.write(e.key, this.used);
    n[at + 3] = this.used;
    this.used += buf.write(e.value, this.used);
    n[at + 4] = this.used;
    n[at + 5] = m;
    const c = this.counters[Math.floor(this.count / perChunk)];
    const ci = (this.count % perChunk) * 2;
    c[ci] = e.counter ? e.counter.packets : -1;
    c[ci + 1] = e.counter ? e.counter.bytes : 0;
    this.count++;
  }

  /** Number field `f` of element `i`. */
  private field(i: number, f: number): number {
    return this.index[Math.floor(i / perChunk)][(i % perChunk) * fields + f];
  }

  /** Text field `f`…`f + 1` of element `i` (1: owner, 2: key, 3: value). */
  private textOf(i: number, f: number): string {
    return this.text[this.field(i, 0)].toString('utf8', this.field(i, f), this.field(i, f + 1));
  }

  /** The binding id element `i`'s comment names. */
  owner(i: number): string {
    return this.textOf(i, 1);
  }

  /** The map element `i` sits in. */
  mapOf(i: number): MapName {
    return this.maps[this.field(i, 5)];
  }

  /** What element `i` counted, if it counts. */
  counterOf(i: number): Count | undefined {
    const c = this.counters[Math.floor(i / perChunk)];
    const at = (i % perChunk) * 2;
    return c[at] >= 0 ? { packets: c[at], bytes: c[at + 1] } : undefined;
  }

  /** Element `i`, as the read-back compares it. */
  element(i: number): HeldElement {
    const counter = this.counterOf(i);
    return { map: this.mapOf(i), key: this.textOf(i, 2), value: this.textOf(i, 3), ...(counter ? { counter } : {}) };
  }

  /**
   * The elements of each binding in `ids` (id → index), in the order the table declares its maps
   * (`order`), then as nft listed them: `first[b]` is binding b's first element, `next[i]` the
   * one after element i (-1: none).
   */
  byBinding(ids: ReadonlyMap<string, number>, order: Iterable<MapName>): { first: Int32Array; next: Int32Array } {
    const first = new Int32Array(ids.size).fill(-1);
    const last = new Int32Array(ids.size).fill(-1);
    const next = new Int32Array(this.count).fill(-1);
    const declared = [...order].map((name) => this.mapIndex.get(name)).filter((m): m is number => m !== undefined);
    const rest = this.maps.map((_, m) => m).filter((m) => !declared.includes(m));
    // One pass over the elements per map (a dozen), rather than lists per map: nothing to hold.
    for (const m of [...declared, ...rest]) {
      for (let i = 0; i < this.count; i++) {
        if (this.field(i, 5) !== m) continue;
        const b = ids.get(this.owner(i));
        if (b === undefined) continue;
        if (last[b] < 0) first[b] = i;
        else next[last[b]] = i;
        last[b] = i;
      }
    }
    return { first, next };
  }
}

/** The owned elements of a table model, kept as read-back keeps them. */
export function heldOf(table: NftTable): HeldElements {
  const held = new HeldElements();
  for (const [map, els] of table.maps) for (const e of els.values()) held.add(map, e);
  return held;
}
