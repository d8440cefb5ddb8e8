'use client';

import { useConsole, useConsoleStoreApi } from './console-provider';
import { selectDriftedEdgeIds, selectSelectedEdgeId } from './console-selectors';

/** How many bindings drifted, as a button that selects the next one (the inspector then lists its rules). */
export function DriftedLink() {
  const store = useConsoleStoreApi();
  const joined = useConsole(selectDriftedEdgeIds);
  const selected = useConsole(selectSelectedEdgeId);
  if (!joined) return null;
  const ids = joined.split('\n');
  const next = ids[(ids.indexOf(selected ?? '') + 1) % ids.length];
  return (
    <button
      type="button"
      className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-sm font-medium text-amber-900 hover:bg-amber-100"
      aria-label={`${ids.length} drifted ${ids.length === 1 ? 'binding' : 'bindings'}: inspect ${ids.length > 1 ? 'the next' : 'it'}`}
      onClick={() => store.getState().selectEdge(next)}
    >
      {ids.length} drifted
    </button>
  );
}
