import { EngineError } from '../errors';
import { addExposure, removeExposure } from '../host/expose';
import type { Exposure } from '../model/binding';
import type { ExposeReport } from '../model/report';
import type { EngineContext } from './context';
import { transact } from './transact';

/** `expose CIDR`: give this host an address on the overlay and the masquerade for it. */
export async function expose(ctx: EngineContext, e: Exposure): Promise<ExposeReport> {
  let added: { weave: boolean } | null = null;
  try {
    const r = await transact(ctx, async (state, facts) => {
      const known = state.exposed.find((x) => x.cidr === e.cidr);
      if (await addExposure(ctx.runner, e, facts.weave)) added = { weave: facts.weave };
      // An address that was there before (and not because of an earlier expose) is not Switchyard's to remove.
      const ours = added !== null || (known !== undefined && !known.preexisting);
      const recorded: Exposure = ours ? e : { ...e, preexisting: true };
      const warnings = ours ? [] : [`${e.cidr} was already on ${e.bridge}: Switchyard adds its masquerade but leaves the address itself alone (hide will not remove it)`];
      return { next: { ...state, exposed: [...state.exposed.filter((x) => x.cidr !== e.cidr), recorded] }, changes: [], warnings };
    });
    return { exposed: r.state.exposed, warnings: r.warnings };
  } catch (err) {
    // The rules or the state file were refused: take the address off again, so nothing is half-applied.
    const undo = added as { weave: boolean } | null;
    if (undo) await removeExposure(ctx.runner, e, undo.weave).catch(() => undefined);
    throw err;
  }
}

/** `hide CIDR`: take an exposed address away again. */
export async function hide(ctx: EngineContext, cidr: string): Promise<ExposeReport> {
  const r = await transact(ctx, async (state, facts) => {
    const e = state.exposed.find((x) => x.cidr === cidr);
    if (!e) throw new EngineError('unknown-id', `cidr: ${cidr} is not exposed by Switchyard on ${facts.hostname}`, { field: 'cidr' });
    if (!e.preexisting) await removeExposure(ctx.runner, e, facts.weave);
    const warnings = e.preexisting ? [`${cidr} stays on ${e.bridge}: it was there before Switchyard exposed it`] : [];
    return { next: { ...state, exposed: state.exposed.filter((x) => x.cidr !== cidr) }, changes: [], warnings };
  });
  return { exposed: r.state.exposed, warnings: r.warnings };
}
