import { createBinding } from '@/components/bindings/actions';
import { rebindAction, removeAction } from '@/components/inspector/actions';
import { recreateBindingsAction } from '@/components/routes/actions';
import type { ChangeReason } from '@/lib/console/input/field-schemas';
import type { ActionResult } from './action-result';
import type { InverseChange } from './change-inverse';
import { runSteps, type StepsOutcome } from './inverse-steps';

/**
 * Send an inverse through the very server action that makes such a change (so it is checked and
 * audited like any other), marked as an undo or a revert for the audit trail.
 */
export function runInverse(inverse: InverseChange, reason: NonNullable<ChangeReason>): Promise<ActionResult> {
  switch (inverse.action) {
    case 'rebind':
      return rebindAction({ host: inverse.host, id: inverse.id, target: inverse.target, revision: inverse.revision, reason });
    case 'remove':
      return removeAction({ host: inverse.host, id: inverse.id, revision: inverse.revision, reason });
    case 'create': {
      const { action: _create, ...input } = inverse;
      return createBinding({ ...input, reason });
    }
    case 'create-all':
      return recreateBindingsAction({ bindings: inverse.bindings.map(({ action: _create, ...input }) => input), reason });
  }
}

/** Run the steps of an inverse in order (a route's undo removes both halves), stopping at the first refusal. */
export const runInverses = (steps: readonly InverseChange[], reason: NonNullable<ChangeReason>): Promise<StepsOutcome> => runSteps(steps, (s) => runInverse(s, reason));
