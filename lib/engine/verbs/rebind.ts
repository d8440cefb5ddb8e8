import { cutFlows } from '../host/conntrack';
import { resolveName } from '../host/resolve';
import type { Binding } from '../model/binding';
import type { ChangeReport } from '../model/report';
import { parseTarget } from '../model/validate';
import { checkConflicts, frontScan } from './conflicts';
import type { EngineContext } from './context';
import { findBinding } from './find-binding';
import { transact } from './transact';

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
 * `rebind`: point a binding at a new target, keeping its id and front; only its own chain is
 * rewritten. New connections go to the new target at once; established TCP flows keep the old one.
 */
export async function rebind(ctx: EngineContext, o: RebindOptions): Promise<ChangeReport> {
  const t = parseTarget('to', o.to);
  const r = await transact(ctx, async (state, facts) => {
    const b = findBinding(state, o.id, facts.hostname, o.expectRevision);
    const target = { name: t.name, address: await resolveName(ctx.runner, t.name), port: t.port };
    if (target.name === b.target.name && target.address === b.target.address && target.port === b.target.port) {
      return { next: state, changes: [] };
    }
    const after: Binding = { ...b, target, revision: b.revision + 1 };
    // One binding changes and its front stays: scanning for the few fronts the checks need costs
    // less than indexing every binding.
    checkConflicts(after, frontScan(state.bindings), facts);
    return { next: { ...state, bindings: state.bindings.map((x) => (x.id === b.id ? after : x)) }, changes: [{ op: 'rebind', id: b.id, before: b, after }] };
  }, { rails: { allowLocalTarget: o.allowLocalTarget, force: false } });
  const binding = r.state.bindings.find((b) => b.id === o.id)!;
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
