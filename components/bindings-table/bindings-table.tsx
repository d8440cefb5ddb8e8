'use client';

import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useConsole, useConsoleStoreApi } from '@/components/console/console-provider';
import { selectSelection, selectTopology } from '@/components/console/console-selectors';
import { keyText, type BindingKey } from '@/components/console/binding-key';
import { inputClass } from '@/components/console/field';
import { useFocusBinding } from '@/components/graph/use-focus-binding';
import { bindingRows, type BindingRow } from './binding-rows';
import { filterRows } from './filter-rows';
import { defaultSort, nextSort, sortRows, type SortColumn, type SortOrder } from './sort-rows';
import { scrollToShow } from './row-window';
import { useRowWindow } from './use-row-window';

/** Every row is this tall, so the window of drawn rows is plain arithmetic. */
const rowHeight = 32;

const columns: { column: SortColumn; label: string; width: string }[] = [
  { column: 'host', label: 'Host', width: '12%' },
  { column: 'id', label: 'Id', width: '15%' },
  { column: 'kind', label: 'Kind', width: '8%' },
  { column: 'front', label: 'Front', width: '22%' },
  { column: 'target', label: 'Target', width: '19%' },
  { column: 'state', label: 'Kernel state', width: '12%' },
  { column: 'traffic', label: 'Traffic', width: '12%' },
];

const stateDot = { active: 'bg-emerald-500', drifted: 'bg-amber-500', missing: 'bg-rose-500' } as const;

/**
 * Every binding and foreign DNAT rule of every host as one table beside the graph: searched as
 * you type, sorted by any column, drawn a window of rows at a time (thousands stay smooth). It
 * shares the graph's selection: a row selected here is selected, centred and inspected there, and
 * an edge selected there is selected and scrolled to here.
 */
export function BindingsTable() {
  const store = useConsoleStoreApi();
  const topology = useConsole(selectTopology);
  const selection = useConsole(selectSelection);
  const focus = useFocusBinding();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>(defaultSort);
  // Typing stays responsive: the input updates at once, the rows as soon as the browser can.
  const search = useDeferredValue(query);

  const rows = useMemo(() => bindingRows(topology), [topology]);
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  const shown = useMemo(() => filterRows(sorted, search), [sorted, search]);

  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLTableSectionElement>(null);
  const drawn = useRowWindow(scroller, header, shown.length, rowHeight);

  // A new search starts at the top of its results.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [search]);

  // A selection made in the graph scrolls its row into view. One made here is in view already, and is
  // left alone: reading the scroller's size right after the click's render forced the browser to lay out
  // the whole page (the graph's newly mounted nodes too) before the edge was drawn, and again for the frame.
  const selected = selection ? keyText(selection) : null;
  const shownNow = useRef(shown);
  shownNow.current = shown;
  const selectedHere = useRef<string | null>(null);
  useEffect(() => {
    const el = scroller.current;
    const here = selected !== null && selected === selectedHere.current;
    selectedHere.current = null;
    if (!selected || !el || here) return;
    const index = shownNow.current.findIndex((r) => r.keyText === selected);
    if (index < 0) return;
    const top = scrollToShow({ index, rowHeight, scrollTop: el.scrollTop, height: el.clientHeight - (header.current?.offsetHeight ?? 0), count: shownNow.current.length });
    if (top !== null) el.scrollTo({ top });
  }, [selected]);

  const select = useCallback(
    (key: BindingKey) => {
      selectedHere.current = keyText(key);
      store.getState().selectBinding(key);
      focus(key);
    },
    [store, focus],
  );

  return (
    <section aria-label="Bindings table" className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <label htmlFor="bindings-search" className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Search
        </label>
        <input
          id="bindings-search"
          type="search"
          className={`${inputClass} w-80 py-1`}
          placeholder="host, id, port, target, kind, state…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
          {shown.length === rows.length ? `${rows.length} bindings` : `${shown.length} of ${rows.length} bindings`}
        </p>
      </div>
      <div ref={scroller} className="min-h-0 flex-1 overflow-auto">
        <table aria-label="Bindings" aria-rowcount={shown.length + 1} className="w-full table-fixed border-collapse text-left text-sm">
          <colgroup>
            {columns.map((c) => (
              <col key={c.column} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead ref={header} className="sticky top-0 z-10 bg-slate-100 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr aria-rowindex={1}>
              {columns.map((c) => (
                <th key={c.column} scope="col" aria-sort={order.column === c.column ? order.direction : 'none'} className="px-3 py-1.5 font-semibold">
                  <button type="button" className="flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white" onClick={() => setOrder((o) => nextSort(o, c.column))}>
                    {c.label}
                    <span aria-hidden="true" className="w-3 text-[10px]">
                      {order.column === c.column ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {drawn.before > 0 && <Spacer height={drawn.before} />}
            {shown.slice(drawn.start, drawn.end).map((r, i) => (
              <Row key={r.keyText} row={r} index={drawn.start + i} selected={r.keyText === selected} onSelect={select} />
            ))}
            {drawn.after > 0 && <Spacer height={drawn.after} />}
          </tbody>
        </table>
        {shown.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">{rows.length ? 'No binding matches the search.' : 'No bindings yet.'}</p>}
      </div>
    </section>
  );
}

/** The height of the rows not drawn, so the scrollbar tells the truth. */
const Spacer = ({ height }: { height: number }) => (
  <tr aria-hidden="true">
    <td colSpan={columns.length} style={{ height, padding: 0 }} />
  </tr>
);

const Row = memo(function Row({ row: r, index, selected, onSelect }: { row: BindingRow; index: number; selected: boolean; onSelect: (key: BindingKey) => void }) {
  const cell = 'overflow-hidden text-ellipsis whitespace-nowrap px-3';
  return (
    <tr
      aria-rowindex={index + 2}
      aria-current={selected ? 'true' : undefined}
      data-key={r.keyText}
      style={{ height: rowHeight }}
      className={`cursor-pointer border-b border-slate-100 dark:border-slate-800 ${selected ? 'bg-violet-100 dark:bg-violet-950' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
      onClick={() => onSelect(r.key)}
    >
      <td className={cell} title={r.host}>
        {r.host}
      </td>
      <td className={`${cell} font-mono`} title={r.id}>
        <button type="button" className="max-w-full overflow-hidden text-ellipsis text-left hover:underline" aria-label={`Select ${r.kind === 'foreign' ? 'foreign rule' : 'binding'} ${r.id} on ${r.host}`}>
          {r.id}
        </button>
      </td>
      <td className={`${cell} ${r.kind === 'foreign' ? 'italic text-slate-500' : ''}`}>{r.kind}</td>
      <td className={`${cell} font-mono text-xs`} title={r.front}>
        {r.front}
      </td>
      <td className={`${cell} font-mono text-xs`} title={r.target}>
        {r.target}
      </td>
      <td className={cell}>
        {r.state ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-2 w-2 rounded-full ${stateDot[r.state]}`} />
            {r.state}
          </span>
        ) : (
          <span className="text-slate-500" title="not Switchyard's rule">
            —
          </span>
        )}
      </td>
      <td className={`${cell} tabular-nums`} title={r.trafficUnit ?? 'not counted'}>
        {r.traffic === null ? '—' : `${r.traffic} ${r.trafficUnit === 'connections' ? 'conns' : 'pkts'}`}
      </td>
    </tr>
  );
});
