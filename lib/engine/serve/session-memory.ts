import type { RememberedFacts } from '../host/remembered-facts';
import type { KnownRuleset } from '../iptables/known-ruleset';

/** What a serve session remembers about its host between requests (facts, the iptables ruleset). */
export interface SessionMemory {
  facts?: RememberedFacts;
  ruleset?: KnownRuleset;
  /** False once nothing announces other tools' changes any more: then nothing is remembered. */
  watched?: () => boolean;
}

// Verbs whose every kernel change goes through the iptables backend's own restore (so the session
// keeps up with it). The others (restore, repair, adopt, migrate, expose, …) read afresh and are
// followed by a fresh read, as are requests to a session whose change monitor ended.
const remembering = new Set(['export', 'import', 'rebind', 'remove', 'list', 'status']);

/** The verb of a request's arguments (the first word that is not an option or an option's value). */
export function verbOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--state-dir' || args[i] === '--backend') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

/** Forget what the session knows unless the request is one it can keep up with; call before and after it. */
export function forgetUnlessRemembering(memory: SessionMemory | undefined, args: readonly string[]): void {
  if (!memory) return;
  const verb = verbOf(args);
  if (verb !== undefined && remembering.has(verb) && (memory.watched?.() ?? true)) return;
  memory.facts?.forget();
  memory.ruleset?.forget();
}
