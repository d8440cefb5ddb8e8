import { badInput } from '../errors';

/** Deepest nesting a bindings or state document may have (real ones nest 3 levels). */
export const maxJsonDepth = 32;

/** How deep `v` nests, counted without recursion (so no input can overflow the stack); stops past `limit`. */
export function jsonDepth(v: unknown, limit = maxJsonDepth): number {
  let deepest = 0;
  const todo: [unknown, number][] = [[v, 0]];
  while (todo.length) {
    const [x, d] = todo.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(x)) todo.push([child, d + 1]);
  }
  return deepest;
}

/**
 * Parse JSON that came from outside (a `--file`, a hand-edited state file); too deep a document
 * is refused before anything walks it. Errors are bad-input naming `field`.
 */
export function parseUntrustedJson(text: string, field: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw badInput(field, `is not JSON (${(e as Error).message})`);
  }
  if (jsonDepth(json) > maxJsonDepth) throw badInput(field, `nests deeper than ${maxJsonDepth} levels; a bindings document needs 3`);
  return json;
}

/** A value as an error message quotes it: short, and never by walking a nested structure. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}
