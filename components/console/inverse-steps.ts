import type { HostView } from '@/lib/console/topology';
import type { ActionResult } from './action-result';
import type { InverseChange } from './change-inverse';

/** How a run of inverse steps ended: every host view the steps returned, the step that was refused if one was, and the messages of the steps done before it. */
export type StepsOutcome = { result: ActionResult; refused: InverseChange | null; done: string[] };

/**
 * Run steps one after another through `run`; a refused step ends the run (the later steps would act
 * on a state nobody looked at). The result carries the fresh views of every host a step touched.
 */
export async function runSteps(steps: readonly InverseChange[], run: (step: InverseChange) => Promise<ActionResult>): Promise<StepsOutcome> {
  const hosts: HostView[] = [];
  const messages: string[] = [];
  for (const step of steps) {
    const r = await run(step);
    hosts.push(...(r.hosts ?? []));
    if (!r.ok) return { result: { ...r, hosts }, refused: step, done: messages };
    messages.push(r.message);
  }
  return { result: { ok: true, message: messages.join(' '), hosts }, refused: null, done: messages };
}
