import type { ActionResult } from './action-result';
import type { InverseChange } from './change-inverse';

/** Why the host refused one step of an undo, in plain words. */
function refusalReason(inverse: InverseChange, result: Extract<ActionResult, { ok: false }>): string {
  if (result.errors.Revision || /changed since you loaded it/.test(result.message)) {
    return `${inverse.id} on ${inverse.host} changed again after your change, so it keeps its newer state.`;
  }
  if (inverse.action === 'create' && /already exists|already bound/.test(result.message)) {
    return `${inverse.host} already has something in its place (${result.message}).`;
  }
  return result.message;
}

/**
 * Why an undo did not happen, in plain words. A binding that changed again since (a stale revision,
 * or an id taken again) keeps its newer state: the undo never clobbers someone's later change. When
 * earlier steps were done (`done`, their messages: a route's export removed before its import was
 * refused), the message says what they did and what stayed.
 */
export function undoRefusal(inverse: InverseChange, result: Extract<ActionResult, { ok: false }>, done: readonly string[] = []): string {
  const why = refusalReason(inverse, result);
  return done.length ? `Undone only in part: ${done.join(' ')} But ${why}` : `Not undone: ${why}`;
}
