import { readFacts } from '../host/facts';
import { realFactStamp } from '../host/fact-stamp';
import { rememberFacts } from '../host/remembered-facts';
import { KnownRuleset } from '../iptables/known-ruleset';
import type { IptablesCommands } from '../iptables/kernel';
import type { CommandRunner } from '../runner/command-runner';
import { startMonitor } from './change-monitor';
import { watchRuleset } from './ruleset-watch';
import type { SessionMemory } from './session-memory';

/** A real host as a long-lived session sees it: what it remembers, and the monitors that keep that honest. */
export interface RememberingHost {
  memory: SessionMemory;
  /** The iptables programs, carrying the session's knowledge of the ruleset when it can keep one. */
  iptables: IptablesCommands;
  factStamp: () => Promise<string>;
  /** Other tools' ruleset changes, while `nft monitor` runs. */
  announced?: { alive: () => boolean; others: () => number };
  stop(): void;
}

/**
 * Set up a session's memory of its host: facts re-read only when their stamp changes (interfaces
 * and addresses announced by `ip monitor`, checked in process too), and the iptables ruleset kept
 * from its last read plus the session's own changes, only where nf_tables announces every
 * other change (`nft monitor`); legacy iptables, or no nft, means it is read every time.
 */
export async function rememberingHost(runner: CommandRunner, iptables: IptablesCommands): Promise<RememberingHost> {
  const links = startMonitor('ip', ['monitor', 'link', 'address']);
  const factStamp = async () => `${links.alive ? links.changes : 'unwatched'}\n${await realFactStamp()}`;
  const facts = rememberFacts(readFacts, factStamp);
  const version = await runner.run(iptables.save, ['-V']);
  if (!/nf_tables/.test(version.stdout + version.stderr)) {
    return { memory: { facts }, iptables, factStamp, stop: () => links.stop() };
  }
  const ruleset = new KnownRuleset();
  const watch = watchRuleset(ruleset);
  const monitor = startMonitor('nft', ['monitor'], watch.onLine);
  return {
    memory: { facts, ruleset, watched: () => monitor.alive },
    iptables: { ...iptables, known: ruleset },
    factStamp,
    announced: { alive: () => monitor.alive, others: watch.othersSeen },
    stop: () => (links.stop(), monitor.stop()),
  };
}
