import type { EndpointKind } from './graph-model';
import { endpointSize, hostFrame } from './node-sizes';

/** A thing inside a host group, with its place if it has one (relative to the host). */
export interface HostChild {
  id: string;
  kind: EndpointKind;
  position?: { x: number; y: number };
}

type Side = 'outside' | 'overlay';
/** Interfaces face the outside world (top rows); exposed addresses and containers face the overlay band below. */
const sideOf = (kind: EndpointKind): Side => (kind === 'exposed' || kind === 'container' ? 'overlay' : 'outside');

const columnsAtMost = 3;
const slot = (col: number, row: number) => ({
  x: hostFrame.pad + col * (endpointSize.width + hostFrame.gap),
  y: hostFrame.header + row * (endpointSize.height + hostFrame.gap),
});
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < endpointSize.width + hostFrame.gap / 2 && Math.abs(a.y - b.y) < endpointSize.height + hostFrame.gap / 2;

/**
 * Places inside a host for the children that have none: interfaces in the top rows, exposed
 * addresses then containers in the rows under them. Children already placed never move; a new one
 * takes the first free slot of its side's rows, or a new row under them all (the host grows downwards).
 */
export function placeInHost(children: readonly HostChild[]): Record<string, { x: number; y: number }> {
  const placed = children.filter((c) => c.position);
  const fresh = children.filter((c) => !c.position);
  const out: Record<string, { x: number; y: number }> = {};
  if (!fresh.length) return out;
  if (!placed.length) {
    // A host seen for the first time: a tidy grid, the outside rows over the overlay rows.
    const outside = fresh.filter((c) => sideOf(c.kind) === 'outside');
    const overlay = fresh.filter((c) => sideOf(c.kind) === 'overlay').sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'exposed' ? -1 : 1));
    const cols = Math.min(columnsAtMost, Math.max(1, outside.length, overlay.length));
    const outsideRows = Math.ceil(outside.length / cols);
    outside.forEach((c, i) => (out[c.id] = slot(i % cols, Math.floor(i / cols))));
    overlay.forEach((c, i) => (out[c.id] = slot(i % cols, outsideRows + Math.floor(i / cols))));
    return out;
  }
  const taken = placed.map((c) => c.position!);
  // The rows each side already uses (by where its children sit); a side with none gets a row after all others.
  const colOf = (x: number) => Math.max(0, Math.round((x - hostFrame.pad) / (endpointSize.width + hostFrame.gap)));
  const rowOf = (y: number) => Math.max(0, Math.round((y - hostFrame.header) / (endpointSize.height + hostFrame.gap)));
  const rows = (side: Side) => [...new Set(placed.filter((c) => sideOf(c.kind) === side).map((c) => rowOf(c.position!.y)))].sort((a, b) => a - b);
  for (const c of fresh) {
    const side = sideOf(c.kind);
    let own = rows(side);
    // A side with no row yet gets one under everything (never over what is there).
    if (!own.length) own = [Math.max(...taken.map((p) => rowOf(p.y))) + 1];
    // Within the host's present width first; when its side's rows are full, a new row under everything:
    // the host grows downwards, never sideways into the host beside it.
    const columns = Math.max(...taken.map((p) => colOf(p.x))) + 1;
    let at: { x: number; y: number } | undefined;
    for (const row of own) {
      for (let col = 0; col < columns && !at; col++) if (!taken.some((t) => overlaps(t, slot(col, row)))) at = slot(col, row);
      if (at) break;
    }
    at ??= slot(0, Math.max(...taken.map((p) => rowOf(p.y))) + 1);
    out[c.id] = at;
    taken.push(at);
    placed.push({ ...c, position: at });
  }
  return out;
}

/** How big a host group must be to hold its children where they are. */
export function hostSize(positions: readonly { x: number; y: number }[]): { width: number; height: number } {
  const right = Math.max(0, ...positions.map((p) => p.x + endpointSize.width));
  const bottom = Math.max(hostFrame.header, ...positions.map((p) => p.y + endpointSize.height));
  return { width: Math.max(230, right + hostFrame.pad), height: Math.max(84, bottom + hostFrame.pad) };
}
