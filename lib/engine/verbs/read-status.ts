import { hostWarnings } from '../host/facts';
import type { ListReport, StatusReport } from '../model/report';
import { lastConnectionsSeen } from '../state/traffic-seen';
import { watcherStatus } from '../state/watcher-record';
import { createBackend, type Backend, type Observed } from '../backend';
import type { Binding, HostState } from '../model/binding';
import { backendOf, hostFacts, type EngineContext } from './context';
import { builtOnRead } from '../model/built-on-read';
import type { BindingReport } from '../model/report';

// Reads take no lock: the state file is replaced by rename, so a reader sees one whole version.

/**
 * The state file and what the kernel holds for it. With the backend named (`--backend`,
 * `SWITCHYARD_BACKEND`), the kernel is read first and the state file after: at 10,000 bindings
 * nft's listing of a map then runs beside a process that holds nothing yet. That read is bounded
 * by the state's size (`bindingsAtMost`), so a small table is still listed in one nft process,
 * not map by map. A state that records
 * another backend is still refused, after that read (or its failure).
 */
async function observeState(ctx: EngineContext, opts: { foreign: boolean }): Promise<{ state: HostState; backend: Backend; seen: Observed }> {
  // A first read that fails (nft missing where the state records iptables) is made again below, after the state, whose error then tells.
  const early = ctx.askedBackend ? await createBackend(ctx.askedBackend, ctx.runner, ctx.iptables).readKernel(opts, await ctx.store.bindingsAtMost()).catch(() => undefined) : undefined;
  const state = await ctx.store.read();
  const backend = backendOf(ctx, state);
  const compare = early && backend.name === ctx.askedBackend ? early : await backend.readKernel(opts, state.bindings.length);
  return { state, backend, seen: compare(state.bindings) };
}

/**
 * The reports stamped with when each binding's connection count last rose (`lastConnectionsSeen`),
 * and (`withStates`) their states. Reports built on read are never all held: each is read here at
 * most once (only its traffic, when the backend can give that alone) and built again as it is
 * written out; of the stamping only each binding's moment is kept.
 */
async function stamped(ctx: EngineContext, ids: Binding[], observed: Observed, withStates: boolean): Promise<{ bindings: BindingReport[]; states: Pick<BindingReport, 'id' | 'state'>[] }> {
  const reports = observed.bindings;
  const states: Pick<BindingReport, 'id' | 'state'>[] = [];
  const seen = await lastConnectionsSeen(ctx.stateDir, ids.length, (i) => {
    if (!withStates && observed.traffic) return { id: ids[i].id, connections: observed.traffic(i).connections };
    const r = reports[i];
    states.push({ id: r.id, state: r.state });
    return r.traffic && { id: r.id, connections: r.traffic.connections };
  });
  const bindings = builtOnRead(reports.length, (i) => {
    const r = reports[i];
    const at = seen[i];
    return at && r.traffic ? { ...r, traffic: { ...r.traffic, lastConnectionSeen: at } } : r;
  });
  return { bindings, states };
}

/** `list`: each binding with its kernel state, counters and rules. */
export async function list(ctx: EngineContext): Promise<ListReport> {
  const { state, seen } = await observeState(ctx, { foreign: false });
  return { host: ctx.hostname, bindings: (await stamped(ctx, state.bindings, seen, false)).bindings };
}

/** `status`: host facts, exposures, bindings with drift, foreign DNAT rules that could be adopted. */
export async function status(ctx: EngineContext): Promise<StatusReport> {
  const [{ state, backend, seen }, facts, watcher] = await Promise.all([observeState(ctx, { foreign: true }), hostFacts(ctx), watcherStatus(ctx.stateDir)]);
  const warnings = hostWarnings(facts, state.bindings.length);
  const { bindings, states } = await stamped(ctx, state.bindings, seen, true);
  const off = states.filter((b) => b.state !== 'active').map((b) => `${b.id} is ${b.state}`);
  if (off.length) warnings.push(`${off.join(', ')}: run \`switchyard repair\` to re-apply ${off.length > 1 ? 'their' : 'its'} rules`);
  return { host: ctx.hostname, backend: backend.name, facts, exposed: state.exposed, bindings, foreign: seen.foreign, warnings, watcher };
}
