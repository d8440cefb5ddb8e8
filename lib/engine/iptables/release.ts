import { EngineError } from '../errors';
import type { ForeignRule } from '../model/report';
import type { CommandRunner } from '../runner/command-runner';
import { findForeign } from './adopt';
import { readKernel, runRestore, type IptablesCommands } from './kernel';
import { RestoreScript } from './restore-script';
import { findChain, type Rule, type Tables } from './ruleset';

/** The foreign rule an adopt releases, as the kernel holds it now; refused if it changed since it was listed. */
export function releasedRule(kernel: Tables, f: ForeignRule | undefined): { rule: Rule; position: number } | null {
  if (!f) return null;
  const found = findForeign(kernel, f);
  if (!found) throw new EngineError('conflict', `ref: the rule ${f.ref} (${f.rule}) is no longer in ${f.chain}; run \`switchyard status\` again`, { field: 'ref' });
  return found;
}

/** Put a released foreign rule back where it was (undo of an adopt whose state file could not be written). */
export async function putBack(runner: CommandRunner, cmds: IptablesCommands, r: { rule: Rule; position: number } | null): Promise<string | null> {
  if (!r) return null;
  const now = await readKernel(runner, cmds).catch(() => null);
  const len = (now && findChain(now, 'nat', r.rule.chain)?.rules.length) ?? 0;
  const script = new RestoreScript().insertAt('nat', r.rule, Math.min(r.position, len + 1)).toString();
  return runRestore(runner, cmds, script).then(
    () => null,
    (e: Error) => `could not put back ${r.rule.chain} rule: ${e.message}`,
  );
}
