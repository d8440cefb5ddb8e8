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
      if (await addExposure(ctx.runner, e, facts.weave)) added = { weave: facts.weave };
      return { next: { ...state, exposed: [...state.exposed.filter((x) => x.cidr !== e.cidr), e] }, changes: [] };
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
    await removeExposure(ctx.runner, e, facts.weave);
    return { next: { ...state, exposed: state.exposed.filter((x) => x.cidr !== cidr) }, changes: [] };
  });
  return { exposed: r.state.exposed, warnings: r.warnings };
}
