import { cutFlows } from '../host/conntrack';
import { resolveName } from '../host/resolve';
import type { Binding } from '../model/binding';
import type { ChangeReport } from '../model/report';
import { parseTarget } from '../model/validate';
import { checkConflicts } from './conflicts';
import type { EngineContext } from './context';
import { transactOne } from './transact-one';

export interface RebindOptions {
  id: string;
  to: string;
  /** End established TCP flows too (UDP flows to the old target are always deleted). */
  cut: boolean;
  expectRevision?: number;
  /** `--allow-local-target`: the new target may be loopback, this host, broadcast or multicast. */
  allowLocalTarget: boolean;
}

/**
 * `rebind`: point a binding at a new target, keeping its id and front; only its own chain (or map
 * element) is rewritten, and only its own entry of the state (see `transactOne`). New connections
 * go to the new target at once; established TCP flows keep the old one.
 */
export async function rebind(ctx: EngineContext, o: RebindOptions): Promise<ChangeReport> {
  const t = parseTarget('to', o.to);
  const r = await transactOne(ctx, { id: o.id, expectRevision: o.expectRevision }, async (b, view, facts) => {
    const target = { name: t.name, address: await resolveName(ctx.runner, t.name), port: t.port };
    if (target.name === b.target.name && target.address === b.target.address && target.port === b.target.port) return null;
    const after: Binding = { ...b, target, revision: b.revision + 1 };
    // One binding changes and its front stays: the checks look up the few fronts they need.
    checkConflicts(after, (proto, port) => view.atFront(proto, port), facts);
    return after;
  }, { rails: { allowLocalTarget: o.allowLocalTarget, force: false } });
  const binding = r.binding;
  const warnings = [...r.warnings];
  let flowsCut: number | undefined;
  const old = r.changes[0]?.before?.target;
  const moved = old && (old.address !== binding.target.address || old.port !== binding.target.port);
  if (moved && (binding.proto === 'udp' || o.cut)) {
    const cut = await cutFlows(ctx.runner, binding.proto, old);
    if ('deleted' in cut) flowsCut = cut.deleted;
    else warnings.push(cut.warning);
  }
  return { changes: r.changes, script: r.script, warnings, binding, ...(flowsCut !== undefined ? { flowsCut } : {}) };
}
