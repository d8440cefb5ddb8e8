import type { Count, NftElement, NftTable } from './model';
import { tag, type MapName } from './names';

/** One element as read back, for the binding its comment names. */
export interface HeldElement {
  map: MapName;
  key: string;
  value: string;
  counter?: Count;
}

const fields = 7; // owner start, key start, value start, end, map, packets, bytes (-1: no counter)
const ownerTag = 'switchyard:';

/**
 * The elements of Switchyard's maps as read back, grouped later by the binding their comment
 * names: their text in one growing byte buffer and their numbers in one growing number array,
 * outside the JS heap. At 10,000 bindings, 50,000 small objects would make V8 grow its young
 * generation by tens of MB while nft lists the next map beside this process; a few buffers do not.
 * Elements whose comment names no owner (`switchyard:<id>`) are not kept.
 */
export class HeldElements {
  private text: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private nums = new Float64Array(fields * 1024);
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
    if (this.used + need > this.text.length) this.text = grown(this.text, this.used + need);
    if ((this.count + 1) * fields > this.nums.length) {
      const more = new Float64Array(this.nums.length * 2);
      more.set(this.nums);
      this.nums = more;
    }
    let m = this.mapIndex.get(map);
    if (m === undefined) {
      m = this.maps.push(map) - 1;
      this.mapIndex.set(map, m);
    }
    const at = this.count * fields;
    this.nums[at] = this.used;
    this.used += this.text.write(owner, this.used);
    this.nums[at + 1] = this.used;
    this.used += this.text.write(e.key, this.used);
    this.nums[at + 2] = this.used;
    this.used += this.text.write(e.value, this.used);
    this.nums[at + 3] = this.used;
    this.nums[at + 4] = m;
    this.nums[at + 5] = e.counter ? e.counter.packets : -1;
    this.nums[at + 6] = e.counter ? e.counter.bytes : 0;
    this.count++;
  }

  /** The binding id element `i`'s comment names. */
  owner(i: number): string {
    const at = i * fields;
    return this.text.toString('utf8', this.nums[at], this.nums[at + 1]);
  }

  /** The map element `i` sits in. */
  mapOf(i: number): MapName {
    return this.maps[this.nums[i * fields + 4]];
  }

  /** What element `i` counted, if it counts. */
  counterOf(i: number): Count | undefined {
    const at = i * fields;
    return this.nums[at + 5] >= 0 ? { packets: this.nums[at + 5], bytes: this.nums[at + 6] } : undefined;
  }

  /** Element `i`, as the read-back compares it. */
  element(i: number): HeldElement {
    const at = i * fields;
    const n = this.nums;
    return {
      map: this.maps[n[at + 4]],
      key: this.text.toString('utf8', n[at + 1], n[at + 2]),
      value: this.text.toString('utf8', n[at + 2], n[at + 3]),
      ...(n[at + 5] >= 0 ? { counter: { packets: n[at + 5], bytes: n[at + 6] } } : {}),
    };
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
        if (this.nums[i * fields + 4] !== m) continue;
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

function grown(buf: Buffer, need: number): Buffer {
  const more = Buffer.allocUnsafe(Math.max(buf.length * 2, need));
  buf.copy(more);
  return more;
}

/** The owned elements of a table model, kept as read-back keeps them. */
export function heldOf(table: NftTable): HeldElements {
  const held = new HeldElements();
  for (const [map, els] of table.maps) for (const e of els.values()) held.add(map, e);
  return held;
}
