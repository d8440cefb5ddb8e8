import { wholeChange, type Applied, type Backend, type StateChange } from '../backend/backend';
import { EngineError } from '../errors';
import { readKernel, runRestore, type IptablesCommands } from '../iptables/kernel';
import { putBack, releasedRule } from '../iptables/release';
import { RestoreScript } from '../iptables/restore-script';
import type { Binding, HostState } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';
import { foreignRules } from './foreign';
import { syncForward } from './forward';
import { readTable, runNft } from './kernel';
import { carryCounters, compileTable, touchedBindings } from './model';
import { HeldElements } from './held-elements';
import { readBack, sameTable } from './readback';
import { releaseLine } from './release';
import { repairScript } from './repair';
import { renderChanges, renderTable } from './script';

const noUndo: Applied = { script: '', undo: async () => null };
const joinScripts = (...s: string[]) => s.filter(Boolean).join('');

/**
 * Switchyard's rules in its own table `ip switchyard` (kube-proxy's nftables mode is the model):
 * counted verdict maps dispatch new connections to a few fixed DNAT chains, targets come from maps,
 * per-binding counts live on map elements (not in a chain per binding), and
 * every change is one `nft -f` transaction planned from the state file alone; if the kernel
 * drifted and refuses it, a full sync (read, compare, replace the table atomically) follows.
 */
export class NftBackend implements Backend {
  readonly name = 'nft' as const;

  constructor(
    private readonly runner: CommandRunner,
    private readonly iptables: IptablesCommands,
  ) {}

  /** The script for a change: the difference of the two states' tables, or the whole table when creating it. */
  private changeScript(c: StateChange): string {
    const empty = (s: HostState) => s.bindings.length === 0 && s.exposed.length === 0;
    if (empty(c.before)) return empty(c.next) ? '' : renderTable(compileTable(c.next));
    if (empty(c.next)) return renderTable(null);
    // Only the bindings the change names: a rebind at 10,000 bindings compares one binding's parts.
    const touched = touchedBindings(c.before, c.next, c.changes) ?? undefined;
    return renderChanges(compileTable(c.before, touched)!, compileTable(c.next, touched)!);
  }

  /** The script that makes the kernel hold `next`, after reading what it holds: empty if it already does. */
  private async fullScript(next: HostState): Promise<string> {
    const have = await readTable(this.runner, next.bindings.length);
    const want = compileTable(next);
    if (sameTable(want, have)) return '';
    if (!want && !have) return '';
    return renderTable(carryCounters(want, have));
  }

  async plan(c: StateChange): Promise<string> {
    const release = await this.release(c);
    return joinScripts(c.sync === 'full' ? await this.fullScript((await wholeChange(c)).next) : this.changeScript(c), release?.line ?? '', release?.after ?? '');
  }

  /**
   * An adopt's foreign rule: the nft line deleting it in the same transaction (iptables-nft), or
   * the iptables script deleting it right after (iptables-legacy), and how to put it back.
   */
  private async release(c: StateChange): Promise<{ line: string; after: string; undo: () => Promise<string | null> } | null> {
    if (!c.release) return null;
    const released = releasedRule(await readKernel(this.runner, this.iptables), c.release)!;
    const line = (await releaseLine(this.runner, released)) ?? '';
    const after = line ? '' : new RestoreScript().deleteRule('nat', released.rule).toString();
    return { line, after, undo: () => putBack(this.runner, this.iptables, released) };
  }

  async apply(c: StateChange): Promise<Applied> {
    // (A change holding part of the state keeps every front, so it neither adds the first binding nor removes the last.)
    const forwardChanges = !c.whole && (c.sync === 'full' || c.before.bindings.length === 0 || c.next.bindings.length === 0);
    // Forwarding is allowed before the first DNAT exists and taken away after the last is gone.
    const adding = c.next.bindings.length > 0;
    const fwdFirst = forwardChanges && adding ? await syncForward(this.runner, this.iptables, c.next.bindings) : noUndo;
    let script: string;
    const release = await this.release(c);
    try {
      script = await this.sendChange(c, release?.line ?? '');
      if (release?.after) await runRestore(this.runner, this.iptables, release.after);
    } catch (e) {
      if (release?.after) await this.restoreTable((await wholeChange(c)).before);
      await fwdFirst.undo();
      throw e;
    }
    let fwdAfter = noUndo;
    if (forwardChanges && !adding) {
      try {
        fwdAfter = await syncForward(this.runner, this.iptables, []);
      } catch (e) {
        await this.restoreTable((await wholeChange(c)).before);
        throw e;
      }
    }
    return {
      script: joinScripts(fwdFirst.script, script, release?.after ?? '', fwdAfter.script),
      undo: async () => {
        const errors = [await fwdAfter.undo(), await this.restoreTable((await wholeChange(c)).before), (await release?.undo()) ?? null, await fwdFirst.undo()].filter(Boolean);
        return errors.length ? errors.join('; ') : null;
      },
    };
  }

  /**
   * Send the planned change (with `extra` lines in the same transaction); if the kernel drifted
   * and refuses it, sync the whole table instead.
   */
  private async sendChange(c: StateChange, extra = ''): Promise<string> {
    if (c.sync === 'changes') {
      const script = joinScripts(this.changeScript(c), extra);
      try {
        await runNft(this.runner, script);
        return script;
      } catch (e) {
        if (!(e instanceof EngineError) || e.code !== 'kernel-refused') throw e;
      }
    }
    const script = joinScripts(await this.fullScript((await wholeChange(c)).next), extra);
    await runNft(this.runner, script);
    return script;
  }

  /** Put the table back to what `state` asks for (used to undo when the state file cannot be written). */
  private async restoreTable(state: HostState): Promise<string | null> {
    try {
      await runNft(this.runner, await this.fullScript(state));
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  async repair(state: HostState, ids: readonly string[]): Promise<Applied> {
    // Forwarding past a dropping FORWARD first (a no-op when in place), then the table's part.
    const fwd = await syncForward(this.runner, this.iptables, state.bindings);
    const have = await readTable(this.runner, state.bindings.length);
    const script = repairScript(have, state, new Set(ids));
    try {
      await runNft(this.runner, script);
    } catch (e) {
      await fwd.undo();
      throw e;
    }
    return {
      script: joinScripts(fwd.script, script),
      undo: async () => {
        const errors = [have ? await runNft(this.runner, renderTable(have)).then(() => null, (e: Error) => e.message) : null, await fwd.undo()].filter(Boolean);
        return errors.length ? errors.join('; ') : null;
      },
    };
  }

  async observe(bindings: Binding[], opts: { foreign: boolean }) {
    const seen = (await this.readKernel(opts, bindings.length))(bindings);
    return { bindings: [...seen.bindings], foreign: seen.foreign };
  }

  async readKernel(opts: { foreign: boolean }, expected = Infinity) {
    // Asked about no binding (the rails before an add, adopt): only foreign rules matter.
    // One after the other: a map's listing costs nft tens of MB, and never two at once.
    const held = new HeldElements();
    const have = expected > 0 ? await readTable(this.runner, expected, (map, e) => held.add(map, e)) : null;
    const foreign = opts.foreign ? await foreignRules(this.runner, this.iptables) : [];
    return (bindings: Binding[]) => {
      const r = readBack(bindings, have, held);
      return { bindings: r.reports, traffic: r.traffic, foreign };
    };
  }

  async flush(opts: { keepForward?: boolean } = {}): Promise<Applied> {
    const have = await readTable(this.runner);
    const script = have ? renderTable(null) : '';
    await runNft(this.runner, script);
    let fwd = noUndo;
    try {
      if (!opts.keepForward) fwd = await syncForward(this.runner, this.iptables, []);
    } catch (e) {
      // iptables refused: the table comes back, so nothing changed.
      if (have) await runNft(this.runner, renderTable(have)).catch(() => undefined);
      throw e;
    }
    return {
      script: joinScripts(script, fwd.script),
      undo: async () => {
        const errors = [await fwd.undo(), have ? await runNft(this.runner, renderTable(have)).then(() => null, (e: Error) => e.message) : null].filter(Boolean);
        return errors.length ? errors.join('; ') : null;
      },
    };
  }
}

