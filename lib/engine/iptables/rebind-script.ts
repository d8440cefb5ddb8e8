import type { Change } from '../model/report';
import { compileBinding, trafficRules } from './compile';
import { RestoreScript } from './restore-script';
import type { Rule } from './ruleset';
import { sameArgs } from './ruleset';

/** A rebind planned from the state file alone: the script that makes it, and the one that takes it back. */
export interface RebindScripts {
  forward: string;
  back: string;
}

const sameRules = (a: readonly Rule[], b: readonly Rule[]) => a.length === b.length && a.every((r, i) => r.chain === b[i].chain && sameArgs(r.args, b[i].args));

/**
 * The transaction for changes that only move bindings' targets, with no `iptables-save` first:
 * in each binding's own chain, the rules that differ (the DNAT) are deleted by their exact text
 * and the new ones appended. A kernel that drifted from the state file lacks a rule to delete, so
 * iptables-restore refuses the whole transaction and the caller falls back to a full sync
 * (kube-proxy's partial sync). Null when any change is more than a new target.
 */
export function rebindScripts(changes: readonly Change[]): RebindScripts | null {
  if (changes.length === 0) return null;
  const forward = new RestoreScript();
  const back = new RestoreScript();
  for (const c of changes) {
    if (c.op !== 'rebind' || !c.before || !c.after) return null;
    const was = compileBinding(c.before);
    const now = compileBinding(c.after);
    if (was.chain.name !== now.chain.name || !sameRules(was.entries, now.entries) || !sameRules(trafficRules(c.before), trafficRules(c.after))) return null;
    // The rules both chains start with stay, with their counters; the rest is replaced.
    let same = 0;
    while (same < was.chain.rules.length && same < now.chain.rules.length && sameArgs(was.chain.rules[same].args, now.chain.rules[same].args)) same++;
    for (const r of was.chain.rules.slice(same)) forward.deleteRule('nat', r);
    for (const r of now.chain.rules.slice(same)) forward.append('nat', r);
    for (const r of now.chain.rules.slice(same)) back.deleteRule('nat', r);
    for (const r of was.chain.rules.slice(same)) back.append('nat', r);
  }
  return { forward: forward.toString(), back: back.toString() };
}
