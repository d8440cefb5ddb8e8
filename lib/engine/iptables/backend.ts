import type { Backend, StateChange } from '../backend/backend';
import { foreignDnatRules } from './adopt';
import { compile } from './compile';
import { applyRuleSet, readKernel, revertTo, type IptablesCommands } from './kernel';
import { ownedOf, plan } from './plan';
import { readBack } from './readback';
import type { CommandRunner } from '../runner/command-runner';
import { emptyState } from '../model/binding';

/** Switchyard's rules as `SWITCHYARD-*` chains, read with `iptables-save` and written with one `iptables-restore`. */
export class IptablesBackend implements Backend {
  readonly name = 'iptables' as const;

  constructor(
    private readonly runner: CommandRunner,
    private readonly cmds: IptablesCommands,
  ) {}

  async plan(c: StateChange): Promise<string> {
    return plan(await readKernel(this.runner, this.cmds), compile(c.next)).script;
  }

  async apply(c: StateChange) {
    const kernel = await readKernel(this.runner, this.cmds);
    const p = await applyRuleSet(this.runner, this.cmds, kernel, compile(c.next));
    return { script: p.script, undo: () => revertTo(this.runner, this.cmds, ownedOf(kernel)) };
  }

  async observe(bindings: StateChange['next']['bindings'], opts: { foreign: boolean }) {
    const kernel = await readKernel(this.runner, this.cmds);
    return { bindings: readBack(bindings, kernel), foreign: opts.foreign ? foreignDnatRules(kernel) : [] };
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
