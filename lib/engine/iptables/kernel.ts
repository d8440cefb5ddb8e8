import { EngineError } from '../errors';
import type { CommandRunner } from '../runner/command-runner';
import { commandNotFound } from '../runner/command-runner';
import type { RuleSet } from './compile';
import { plan, ownedOf, type Plan } from './plan';
import { failingLine, scriptContext } from './restore-error';
import type { Rule, Tables } from './ruleset';
import { parseSave, SaveParseError } from './save-parser';
import type { KnownRuleset } from './known-ruleset';

/** Which iptables programs to run: the system's default, or one flavour explicitly. */
export interface IptablesCommands {
  save: string;
  restore: string;
  /** A long-lived session's knowledge of what the kernel holds, read and kept up to date here. */
  known?: KnownRuleset;
}

/** `iptables` (the system's alternative), `iptables-nft` or `iptables-legacy`. */
export function iptablesCommands(flavour = 'iptables'): IptablesCommands {
  if (!['iptables', 'iptables-nft', 'iptables-legacy'].includes(flavour)) {
    throw new EngineError('bad-input', `SWITCHYARD_IPTABLES: must be iptables, iptables-nft or iptables-legacy, got "${flavour}"`, { field: 'SWITCHYARD_IPTABLES' });
  }
  return { save: `${flavour}-save`, restore: `${flavour}-restore` };
}

/** Read every table with counters and parse it strictly (or take what the session knows it holds). */
export async function readKernel(runner: CommandRunner, cmds: IptablesCommands): Promise<Tables> {
  const known = cmds.known?.get();
  if (known) return known;
  const mark = cmds.known?.mark ?? 0;
  const tables = parseDump(cmds, await runner.run(cmds.save, ['-c']));
  cmds.known?.offer(structuredClone(tables), mark);
  return tables;
}

/** Parse what `iptables-save -c` printed, or say in plain words why it could not be read. */
export function parseDump(cmds: IptablesCommands, r: { exitCode: number; stdout: string; stderr: string }): Tables {
  if (r.exitCode === commandNotFound) throw new EngineError('host-failure', `${cmds.save} is not installed on this host`);
  if (r.exitCode !== 0) throw new EngineError('host-failure', `${cmds.save} failed: ${r.stderr.trim()}`);
  try {
    return parseSave(r.stdout);
  } catch (e) {
    if (e instanceof SaveParseError) throw new EngineError('host-failure', `could not read ${cmds.save} output: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Send one script as one `iptables-restore --noflush` transaction; a refusal names the failing line. */
export async function runRestore(runner: CommandRunner, cmds: IptablesCommands, script: string): Promise<void> {
  if (!script) return;
  const r = await runner.run(cmds.restore, ['--noflush', '--counters', '--wait', '5'], { input: script });
  if (r.exitCode === 0) return cmds.known?.applied(script, true);
  // Legacy iptables may have committed part of a refused script: what the session knew is void.
  cmds.known?.forget();
  if (r.exitCode === commandNotFound) throw new EngineError('host-failure', `${cmds.restore} is not installed on this host`);
  const line = failingLine(r.stderr);
  const detail = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Try ')).join(' ').trim();
  throw new EngineError('kernel-refused', `the kernel refused the rules${line ? ` at line ${line}` : ''}: ${detail}`, {
    context: scriptContext(script, line),
  });
}

/**
 * Make the kernel hold `desired`. If the kernel refuses, whatever part of the transaction was
 * committed (legacy iptables commits table by table) is undone, so the kernel is as before.
 */
export async function applyRuleSet(runner: CommandRunner, cmds: IptablesCommands, before: Tables, desired: RuleSet, release: readonly Rule[] = []): Promise<Plan> {
  const p = plan(before, desired, release);
  try {
    await runRestore(runner, cmds, p.script);
  } catch (e) {
    const undo = await revertTo(runner, cmds, ownedOf(before));
    if (undo && e instanceof EngineError) {
      throw new EngineError(e.code, `${e.message}; undoing the part already committed also failed (${undo}): run \`switchyard restore\``, {
        context: e.context,
        cause: e,
      });
    }
    throw e;
  }
  return p;
}

/** Put Switchyard's part of the kernel back to `owned` after a failure; returns why that failed, or null. */
export async function revertTo(runner: CommandRunner, cmds: IptablesCommands, owned: RuleSet): Promise<string | null> {
  try {
    const now = await readKernel(runner, cmds);
    await runRestore(runner, cmds, plan(now, owned).script);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
