import type { ActionResult } from './action-result';

/** A failed action's reason, announced at once (role="alert"); it names the field, which is marked too. */
export function FormAlert({ result }: { result: ActionResult | null }) {
  if (!result || result.ok) return null;
  return (
    <div role="alert" className="max-w-full whitespace-pre-line rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 [overflow-wrap:anywhere]">
      {result.message}
    </div>
  );
}
