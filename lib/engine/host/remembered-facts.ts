import type { HostFacts } from '../model/report';
import type { CommandRunner } from '../runner/command-runner';

/** How the verbs learn the host's facts: `readFacts`, or a session's remembered copy of it. */
export type FactsReader = (runner: CommandRunner, hostname: string) => Promise<HostFacts>;

/** Facts remembered by a long-lived session, and how to make it read them afresh. */
export interface RememberedFacts {
  read: FactsReader;
  /** Read afresh next time (after a verb that may have changed them, such as expose). */
  forget(): void;
}

/**
 * Remember what `read` learned while `stamp` stays the same. The stamp is a cheap in-process
 * fingerprint of everything the facts are made of (interfaces, addresses, ip_forward, Weave), taken
 * on every call, so a fact that changed is never served stale; only the processes are saved.
 */
export function rememberFacts(read: FactsReader, stamp: () => Promise<string>): RememberedFacts {
  let known: { key: string; facts: Promise<HostFacts> } | undefined;
  return {
    read: async (runner, hostname) => {
      const key = `${hostname}\0${await stamp()}`;
      if (known?.key !== key) {
        const facts = read(runner, hostname);
        known = { key, facts };
        // A failed read is not remembered: the next call tries again.
        facts.catch(() => {
          if (known?.facts === facts) known = undefined;
        });
      }
      return structuredClone(await known.facts);
    },
    forget: () => {
      known = undefined;
    },
  };
}
