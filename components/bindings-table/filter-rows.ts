import type { BindingRow } from './binding-rows';

/** The search's terms: words apart by spaces, lower case. */
export const searchTerms = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * The rows a search shows: those where every term appears in the host, id, front (address or
 * interface, protocol, port), target, kind or kernel state. `host3 drifted` finds host3's drifted
 * bindings; an empty search shows every row (the same array).
 */
export function filterRows(rows: readonly BindingRow[], query: string): readonly BindingRow[] {
  const terms = searchTerms(query);
  if (!terms.length) return rows;
  return rows.filter((r) => terms.every((t) => r.haystack.includes(t)));
}
