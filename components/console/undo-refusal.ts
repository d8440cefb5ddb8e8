import type { ActionResult } from './action-result';
import type { InverseChange } from './change-inverse';

/**
 * Why an undo did not happen, in plain words. A binding that changed again since (a stale revision,
 * or an id taken again) keeps its newer state: the undo never clobbers someone's later change.
 */
export function undoRefusal(inverse: InverseChange, result: Extract<ActionResult, { ok: false }>): string {
  if (result.errors.Revision || /changed since you loaded it/.test(result.message)) {
    return `Not undone: ${inverse.id} on ${inverse.host} changed again after your change, so it keeps its newer state.`;
  }
  if (inverse.action === 'create' && /already exists|already bound/.test(result.message)) {
    return `Not undone: ${inverse.host} already has something in its place (${result.message}).`;
  }
  return `Not undone: ${result.message}`;
}
