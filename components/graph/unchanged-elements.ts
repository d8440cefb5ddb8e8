/** How deep inside an element values are compared by their contents (position, data, data.fan). */
const depth = 2;

function same(a: unknown, b: unknown, level: number): boolean {
  if (Object.is(a, b)) return true;
  if (level === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i], level - 1));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], level - 1));
}

/** Whether two plain values (objects, arrays, primitives, as parsed from JSON) hold the same, at any depth. */
export const sameValue = (a: unknown, b: unknown): boolean => same(a, b, Infinity);

/**
 * `next` with every element that equals its previous version (same id, same contents; by default
 * compared a few levels deep) replaced by that previous object, and `previous` itself when nothing
 * changed: React Flow then re-renders only the nodes and edges that changed, instead of all of them
 * whenever the view is recomputed.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[] | null, next: readonly T[], equal: (old: T, next: T) => boolean = (a, b) => same(a, b, depth + 1)): T[] {
  if (!previous) return [...next];
  const before = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((e, i) => {
    const old = before.get(e.id);
    if (old && equal(old, e)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return e;
  });
  return changed ? out : (previous as T[]);
}
