import type { BindingRow } from './binding-rows';

/** The columns the table sorts by. */
export type SortColumn = 'host' | 'id' | 'kind' | 'front' | 'target' | 'state' | 'traffic';

export interface SortOrder {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** How the table opens: by host, then id. */
export const defaultSort: SortOrder = { column: 'host', direction: 'ascending' };

// Numbers inside names compare as numbers: host2 before host10, web-9 before web-10.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const text = (a: string, b: string) => collator.compare(a, b);
const number = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);
const stateRank = { active: 0, drifted: 1, missing: 2 } as const;

const byColumn: Record<SortColumn, (a: BindingRow, b: BindingRow) => number> = {
  host: (a, b) => text(a.host, b.host),
  id: (a, b) => text(a.id, b.id),
  kind: (a, b) => text(a.kind, b.kind),
  front: (a, b) => number(a.port, b.port) || text(a.front, b.front),
  target: (a, b) => text(a.target, b.target),
  state: (a, b) => number(a.state ? stateRank[a.state] : null, b.state ? stateRank[b.state] : null),
  traffic: (a, b) => number(a.traffic, b.traffic),
};

/** Whether a row has no value in a column (a foreign rule's port, state or traffic): such rows go last either way. */
const blank: Partial<Record<SortColumn, (r: BindingRow) => boolean>> = {
  front: (r) => r.port === null,
  state: (r) => r.state === null,
  traffic: (r) => r.traffic === null,
};

/** The rows in this order; ties go by host, then id, so the order never depends on how rows arrived. */
export function sortRows(rows: readonly BindingRow[], order: SortOrder): BindingRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const primary = byColumn[order.column];
  const empty = blank[order.column] ?? (() => false);
  return [...rows].sort((a, b) => Number(empty(a)) - Number(empty(b)) || sign * primary(a, b) || byColumn.host(a, b) || byColumn.id(a, b));
}

/** Clicking a column's header: sort by it ascending, or turn its direction when it is already the sort. */
export const nextSort = (order: SortOrder, column: SortColumn): SortOrder =>
  order.column === column ? { column, direction: order.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' };
