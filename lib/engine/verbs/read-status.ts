import { hostWarnings } from '../host/facts';
import type { ListReport, StatusReport } from '../model/report';
import { withLastSeen } from '../state/traffic-seen';
import { watcherStatus } from '../state/watcher-record';
import { backendOf, hostFacts, type EngineContext } from './context';

// Reads take no lock: the state file is replaced by rename, so a reader sees one whole version.

/** `list`: each binding with its kernel state, counters and rules. */
export async function list(ctx: EngineContext): Promise<ListReport> {
  const state = await ctx.store.read();
  const seen = await backendOf(ctx, state).observe(state.bindings, { foreign: false });
  return { host: ctx.hostname, bindings: await withLastSeen(ctx.stateDir, seen.bindings) };
}

/** `status`: host facts, exposures, bindings with drift, foreign DNAT rules that could be adopted. */
export async function status(ctx: EngineContext): Promise<StatusReport> {
  const state = await ctx.store.read();
  const backend = backendOf(ctx, state);
  const [seen, facts, watcher] = await Promise.all([backend.observe(state.bindings, { foreign: true }), hostFacts(ctx), watcherStatus(ctx.stateDir)]);
  const warnings = hostWarnings(facts, state.bindings.length);
  const off = seen.bindings.filter((b) => b.state !== 'active').map((b) => `${b.id} is ${b.state}`);
  if (off.length) warnings.push(`${off.join(', ')}: run \`switchyard repair\` to re-apply ${off.length > 1 ? 'their' : 'its'} rules`);
  return { host: ctx.hostname, backend: backend.name, facts, exposed: state.exposed, bindings: await withLastSeen(ctx.stateDir, seen.bindings), foreign: seen.foreign, warnings, watcher };
}
