import { wholeChange, type Applied, type Backend, type StateChange } from '../backend/backend';
import { EngineError } from '../errors';
import { emptyState, type HostState } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';
import { foreignDnatRules } from './adopt';
import { compile } from './compile';
import { applyRuleSet, readKernel, revertTo, runRestore, type IptablesCommands } from './kernel';
import { ownedOf, plan } from './plan';
import { readBack } from './readback';
import type { Tables } from './ruleset';
import { rebindScripts } from './rebind-script';
import { repairScript } from './repair';
import { putBack, releasedRule } from './release';

/** Changes a rebind script can make without reading the kernel: only new targets, nothing to release, no repair asked. */
const quickRebind = (c: StateChange) => (c.sync === 'changes' && !c.release ? rebindScripts(c.changes) : null);

/** Switchyard's rules as `SWITCHYARD-*` chains, read with `iptables-save` and written with one `iptables-restore`. */
export class IptablesBackend implements Backend {
  readonly name = 'iptables' as const;

  constructor(
    private readonly runner: CommandRunner,
    private readonly cmds: IptablesCommands,
  ) {}

  async plan(c: StateChange): Promise<string> {
    const quick = quickRebind(c);
    if (quick) return quick.forward;
    c = await wholeChange(c);
    const kernel = await readKernel(this.runner, this.cmds);
    const release = releasedRule(kernel, c.release);
    return plan(kernel, compile(c.next), release ? [release.rule] : []).script;
  }

  async apply(c: StateChange): Promise<Applied> {
    // A rebind is planned from the state file alone: no iptables-save of every binding's rules.
    // If the kernel no longer holds what the state file says, it refuses, and a full sync follows.
    const quick = quickRebind(c);
    if (quick) {
      try {
        await runRestore(this.runner, this.cmds, quick.forward);
        return { script: quick.forward, undo: () => this.restoreOrReason(quick.back) };
      } catch (e) {
        if (!(e instanceof EngineError && e.code === 'kernel-refused')) throw e;
      }
    }
    c = await wholeChange(c);
    // Planned from what the session knows the kernel holds; if the kernel refuses that plan (someone
    // changed it meanwhile; nf_tables refuses atomically), plan again from a fresh read.
    if (this.cmds.known?.holds()) {
      try {
        return await this.applyFrom(await readKernel(this.runner, this.cmds), c);
      } catch (e) {
        if (!(e instanceof EngineError && e.code === 'kernel-refused')) throw e;
        this.cmds.known.forget();
      }
    }
    return this.applyFrom(await readKernel(this.runner, this.cmds), c);
  }

  private async applyFrom(kernel: Tables, c: StateChange): Promise<Applied> {
    const release = releasedRule(kernel, c.release);
    const p = await applyRuleSet(this.runner, this.cmds, kernel, compile(c.next), release ? [release.rule] : []);
    return {
      script: p.script,
      undo: async () => {
        const errors = [await revertTo(this.runner, this.cmds, ownedOf(kernel)), await putBack(this.runner, this.cmds, release)].filter(Boolean);
        return errors.length ? errors.join('; ') : null;
      },
    };
  }

  private async restoreOrReason(script: string): Promise<string | null> {
    try {
      await runRestore(this.runner, this.cmds, script);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  async repair(state: HostState, ids: readonly string[]): Promise<Applied> {
    const kernel = await readKernel(this.runner, this.cmds);
    const script = repairScript(kernel, state, new Set(ids));
    await runRestore(this.runner, this.cmds, script);
    return { script, undo: () => revertTo(this.runner, this.cmds, ownedOf(kernel)) };
  }

  async observe(bindings: StateChange['next']['bindings'], opts: { foreign: boolean }) {
    return (await this.readKernel(opts))(bindings);
  }

  async readKernel(opts: { foreign: boolean }) {
    const kernel = await readKernel(this.runner, this.cmds);
    const foreign = opts.foreign ? foreignDnatRules(kernel) : [];
    return (bindings: StateChange['next']['bindings']) => ({ bindings: readBack(bindings, kernel), foreign });
  }

  async flush(opts: { keepForward?: boolean } = {}) {
    const kernel = await readKernel(this.runner, this.cmds);
    const owned = ownedOf(kernel);
    const desired = compile(emptyState());
    if (opts.keepForward) desired.filter = owned.filter;
    const p = await applyRuleSet(this.runner, this.cmds, kernel, desired);
    return { script: p.script, undo: () => revertTo(this.runner, this.cmds, owned) };
  }
}
