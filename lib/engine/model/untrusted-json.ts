import { badInput } from '../errors';

/** Deepest nesting a bindings or state document may have (real ones nest 3 levels). */
export const maxJsonDepth = 32;

/** How deep `v` nests, counted without recursion (so no input can overflow the stack); stops past `limit`. */
export function jsonDepth(v: unknown, limit = maxJsonDepth): number {
  if (v === null || typeof v !== 'object') return 0;
  // Two parallel stacks of objects and their depths: a state file of 10,000 bindings holds ~100,000 values.
  const objects: object[] = [v];
  const depths: number[] = [1];
  let deepest = 1;
  while (objects.length) {
    const x = objects.pop()!;
    const d = depths.pop()!;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    const children = Array.isArray(x) ? x : Object.values(x);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== null && typeof child === 'object') {
        objects.push(child);
        depths.push(d + 1);
      }
    }
  }
  return deepest;
}

/**
 * How deep a JSON text nests, read from its brackets outside strings in one pass (no objects
 * built): a state file of 10,000 bindings is checked in milliseconds. Stops past `limit`.
 */
export function textDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * Parse JSON that came from outside (a `--file`, a hand-edited state file); too deep a document
 * is refused before it is parsed. Errors are bad-input naming `field`.
 */
export function parseUntrustedJson(text: string, field: string): unknown {
  if (textDepth(text) > maxJsonDepth) throw badInput(field, `nests deeper than ${maxJsonDepth} levels; a bindings document needs 3`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badInput(field, `is not JSON (${(e as Error).message})`);
  }
}

/** A value as an error message quotes it: short, and never by walking a nested structure. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}
