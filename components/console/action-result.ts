import type { z } from 'zod';
import type { AuthErrorCode } from '@/lib/auth/auth-error';
import { fieldLabel, type EngineOutcome } from '@/lib/console/engine-outcome';
import type { ChangeReport, HostView } from '@/lib/console/topology';

/** What every server action returns: the changed host's fresh view on success, the reasons on an expected failure. */
export type ActionResult =
  | { ok: true; message: string; hosts?: HostView[]; plan?: ChangeReport }
  | { ok: false; message: string; errors: Record<string, string[]>; hosts?: HostView[]; refused?: AuthErrorCode };

/** Field errors from a failed `safeParse`, keyed by the form labels, with a message naming them. */
export function invalidInput(error: z.ZodError, labels: Record<string, string>): ActionResult {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const label = labels[String(issue.path[0])] ?? String(issue.path[0] ?? 'Input');
    (errors[label] ??= []).push(issue.message);
  }
  const message = Object.entries(errors)
    .map(([label, msgs]) => `${label}: ${msgs[0]}`)
    .join('; ');
  return { ok: false, message: `Nothing changed. ${message}.`, errors };
}

/** A host's refusal as an action result, naming the form field when the host named one. */
export function hostRefusal(outcome: Extract<EngineOutcome<unknown>, { ok: false }>, hosts?: HostView[]): ActionResult {
  const label = outcome.field ? fieldLabel(outcome.field) : undefined;
  // The alert says the whole message once; the field repeats only what is particular to it (a stale
  // revision marks Target but has nothing to add).
  const errors = label ? { [label]: outcome.message.startsWith(`${label}: `) ? [outcome.message.slice(label.length + 2)] : [] } : {};
  return { ok: false, message: outcome.message, errors, ...(hosts ? { hosts } : {}) };
}
