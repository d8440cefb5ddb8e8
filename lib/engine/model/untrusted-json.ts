import { badInput } from '../errors';

/** Deepest nesting a bindings or state document may have (real ones nest 3 levels). */
export const maxJsonDepth = 32;

/**
 * How deep a JSON text nests, read from its brackets in one pass over the characters (no
 * recursion, no walk over the parsed objects); stops past `limit`. Meaningful for valid JSON.
 */
export function jsonDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Parse JSON that came from outside (a `--file`, a hand-edited state file); too deep a document
 * is refused before it is parsed. Errors are bad-input naming `field`.
 */
export function parseUntrustedJson(text: string, field: string): unknown {
  if (jsonDepth(text) > maxJsonDepth) throw badInput(field, `nests deeper than ${maxJsonDepth} levels; a bindings document needs 3`);
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
