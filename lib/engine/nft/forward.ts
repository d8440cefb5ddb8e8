import type { Applied } from '../backend/backend';
import { compile, forwardAccept, type OwnedTable } from '../iptables/compile';
import { applyRuleSet, revertTo, type IptablesCommands } from '../iptables/kernel';
import { ownedOf } from '../iptables/plan';
import type { Tables } from '../iptables/ruleset';
import { findChain, jumpTarget, sameArgs } from '../iptables/ruleset';
import { parseSave, SaveParseError } from '../iptables/save-parser';
import { EngineError } from '../errors';
import type { Binding } from '../model/binding';
import { commandNotFound, type CommandRunner } from '../runner/command-runner';

/** True when iptables' filter FORWARD would drop forwarded traffic (Docker hosts, the lab). */
export function forwardDrops(t: Tables): boolean {
  const c = findChain(t, 'filter', 'FORWARD');
  return !!c && (c.policy === 'DROP' || c.rules.some((r) => ['DROP', 'REJECT'].includes(jumpTarget(r) ?? '')));
}

/** The iptables filter part without the iptables backend's per-binding counters (the nft table counts). */
const acceptOnly = (t: OwnedTable): OwnedTable => ({ hooks: t.hooks, chains: t.chains.map((c) => ({ ...c, rules: c.rules.filter((r) => sameArgs(r.args, forwardAccept().args)) })) });

/** iptables' tables, or null on a host without iptables (then nothing there can drop). */
export async function readIptablesIfInstalled(runner: CommandRunner, cmds: IptablesCommands): Promise<Tables | null> {
  const r = await runner.run(cmds.save, ['-c']);
  if (r.exitCode === commandNotFound) return null;
  if (r.exitCode !== 0) throw new EngineError('host-failure', `${cmds.save} failed: ${r.stderr.trim()}`);
  try {
    return parseSave(r.stdout);
  } catch (e) {
    if (e instanceof SaveParseError) throw new EngineError('host-failure', `could not read ${cmds.save} output: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * An `accept` in one nftables base chain cannot overrule a `drop` in another, so where iptables'
 * FORWARD drops, the nft backend adds the iptables backend's own tagged jump into SWITCHYARD-FWD
 * (accepting flows a binding DNATed) and nothing else in iptables; where it does not, or no
 * binding is left, that jump goes. The nat table is never touched.
 */
export async function syncForward(runner: CommandRunner, cmds: IptablesCommands, bindings: Binding[], opts: { keep?: boolean } = {}): Promise<Applied> {
  const kernel = await readIptablesIfInstalled(runner, cmds);
  if (!kernel) return { script: '', undo: async () => null };
  const owned = ownedOf(kernel);
  const wanted = bindings.length > 0 && forwardDrops(kernel);
  const filter = opts.keep ? owned.filter : wanted ? acceptOnly(compile({ bindings, exposed: [] }).filter) : { chains: [], hooks: [] };
  const p = await applyRuleSet(runner, cmds, kernel, { nat: owned.nat, filter });
  return { script: p.script, undo: () => revertTo(runner, cmds, owned) };
}
