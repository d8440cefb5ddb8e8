import { hostWarnings, readFacts } from '../host/facts';
import { foreignDnatRules } from '../iptables/adopt';
import { readKernel } from '../iptables/kernel';
import { readBack } from '../iptables/readback';
import type { ListReport, StatusReport } from '../model/report';
import type { EngineContext } from './context';

// Reads take no lock: the state file is replaced by rename, so a reader sees one whole version.

/** `list`: each binding with its kernel state, counters and rules. */
export async function list(ctx: EngineContext): Promise<ListReport> {
  const [state, kernel] = await Promise.all([ctx.store.read(), readKernel(ctx.runner, ctx.iptables)]);
  return { host: ctx.hostname, bindings: readBack(state.bindings, kernel) };
}

/** `status`: host facts, exposures, bindings with drift, foreign DNAT rules that could be adopted. */
export async function status(ctx: EngineContext): Promise<StatusReport> {
  const [state, kernel, facts] = await Promise.all([ctx.store.read(), readKernel(ctx.runner, ctx.iptables), readFacts(ctx.runner, ctx.hostname)]);
  const bindings = readBack(state.bindings, kernel);
  const warnings = hostWarnings(facts, state.bindings.length);
  const off = bindings.filter((b) => b.state !== 'active').map((b) => `${b.id} is ${b.state}`);
  if (off.length) warnings.push(`${off.join(', ')}: run \`switchyard restore\` to re-apply the state file`);
  return { host: ctx.hostname, backend: 'iptables', facts, exposed: state.exposed, bindings, foreign: foreignDnatRules(kernel), warnings };
}
