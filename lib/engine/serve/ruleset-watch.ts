import type { KnownRuleset } from '../iptables/known-ruleset';

/** `# new generation 7 by process 1234 (iptables-nft-re)`: nf_tables committed one transaction. */
const generationLine = /^# new generation \d+ by process \d+ \(([^)]*)\)/;

/**
 * Keeps a session's knowledge of the ruleset honest, from `nft monitor`'s lines: each committed
 * transaction is either one the session just applied itself (an iptables-restore it ran) or
 * someone else's, and then what the session knew is forgotten. Returns the line handler.
 */
export function watchRuleset(known: KnownRuleset): { onLine: (line: string) => void; othersSeen: () => number } {
  let ownSeen = 0;
  let others = 0;
  return {
    onLine: (line) => {
      const m = generationLine.exec(line);
      if (!m) return;
      if (ownSeen < known.appliedCount && /restor|-re$/.test(m[1])) ownSeen++;
      else {
        others++;
        known.forget();
      }
    },
    othersSeen: () => others,
  };
}
