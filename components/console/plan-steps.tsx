import { buttonClass } from './field';

/** A plan-first form's buttons: "Preview plan", the change itself (enabled once planned) and Cancel, with a hint until the plan is shown. */
export function PlanSteps({ verb, busy, planReady, hint, onCancel }: { verb: string; busy: boolean; planReady: boolean; hint: string; onCancel: () => void }) {
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="step" value="plan" className={buttonClass.secondary} disabled={busy}>
          Preview plan
        </button>
        <button type="submit" name="step" value="create" className={buttonClass.primary} disabled={busy || !planReady}>
          {verb}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!planReady && <p className="text-xs text-slate-500">{hint}</p>}
    </>
  );
}
