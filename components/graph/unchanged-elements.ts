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

/**
 * `next` with every element that equals its previous version (same id, same contents) replaced by
 * that previous object, and `previous` itself when nothing changed: React Flow then re-renders only
 * the nodes and edges that changed, instead of all of them whenever the view is recomputed.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[] | null, next: readonly T[]): T[] {
  if (!previous) return [...next];
  const before = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((e, i) => {
    const old = before.get(e.id);
    if (old && same(old, e, depth + 1)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return e;
  });
  return changed ? out : (previous as T[]);
}
