import type { HostState } from '../model/binding';

/**
 * The state file's text: the document's own fields on the first line, then one binding and one
 * exposure per line. Still plain JSON that a person can edit line by line, about half the bytes of
 * a two-space indented file (less to write, fsync, read and parse at 10,000 bindings). Yields
 * pieces of at most ~1,000 entries, so no single string holds the whole file.
 */
export function* stateText(state: HostState): Generator<string> {
  const head = { version: state.version, ...(state.backend ? { backend: state.backend } : {}) };
  yield `${JSON.stringify(head).slice(0, -1)},\n"bindings": [`;
  yield* entryLines(state.bindings);
  yield '],\n"exposed": [';
  yield* entryLines(state.exposed);
  yield ']}\n';
}

function* entryLines(entries: readonly unknown[]): Generator<string> {
  const chunk = 1000;
  for (let i = 0; i < entries.length; i += chunk) {
    const lines = entries.slice(i, i + chunk).map((e) => JSON.stringify(e));
    yield `${i === 0 ? '' : ','}\n${lines.join(',\n')}`;
  }
  if (entries.length > 0) yield '\n';
}
