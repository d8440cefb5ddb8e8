import { createSha256 } from '../sha256';
import { readFile, stat } from 'node:fs/promises';
import { parseDump, type IptablesCommands } from '../iptables/kernel';
import { withoutSaveComments } from '../iptables/save-format';
import type { CommandRunner } from '../runner/command-runner';
import { stateFiles } from '../state/file-state-store';
import { kernelReadDue, type KernelReads } from './kernel-read-schedule';

/** A cheap fingerprint of everything a status report is made of; equal digests mean nothing changed. */
export type HostProbe = () => Promise<string>;

const digest = (parts: readonly string[]): string => createSha256().update(parts.join('\0')).digest('hex');

// Which backend the state file names; re-read only when the file changed (it can be megabytes).
function stateBackend(stateDir: string): (stamp: string) => Promise<string> {
  let seen = '';
  let backend = 'iptables';
  return async (stamp) => {
    if (stamp !== seen) {
      seen = stamp;
      const text = await readFile(stateFiles(stateDir).file, 'utf8').catch(() => '');
      backend = /"backend"\s*:\s*"nft"/.test(text) ? 'nft' : 'iptables';
    }
    return backend;
  };
}

/** What the real host's probe works with. */
export interface RealProbeOptions {
  stateDir: string;
  runner: CommandRunner;
  /** The iptables programs; with `known`, each dump read is handed to the session's memory. */
  iptables: IptablesCommands;
  /** Fingerprint of the host's facts, taken in process (see `realFactStamp`). */
  factStamp: () => Promise<string>;
  /**
   * Other tools' ruleset changes as `nft monitor` announces them (see `watchRuleset`), while it
   * runs: the kernel is then read in full only after one, or to refresh counters.
   */
  announced?: { alive: () => boolean; others: () => number };
  intervalMs: number;
}

/**
 * The probe of a real host. Every check: the state file's mtime and size and the host's facts,
 * without a process. The kernel's rules and counters (one `iptables-save -c`, and on the nft
 * backend its own table) only when `kernelReadDue` says so; in between, its last digest stands.
 */
export function realHostProbe(o: RealProbeOptions): HostProbe {
  const backendOf = stateBackend(o.stateDir);
  const reads: KernelReads = { lastTookMs: 0 };
  let announced = 0;
  let kernelDigest = '';
  let lastState = '';
  return async () => {
    // The state is the state file and the journal a rebind appends to (see FileStateStore).
    const stamp = (file: string) => stat(file).then((s) => `${s.mtimeMs}:${s.size}`, () => 'none');
    const { file, journal } = stateFiles(o.stateDir);
    const state = (await Promise.all([stamp(file), stamp(journal)])).join(' ');
    const nft = (await backendOf(state)) === 'nft';
    const watched = o.announced?.alive() ? o.announced : undefined;
    const known = watched ? o.iptables.known : undefined;
    const stateMoved = state !== lastState;
    lastState = state;
    if (watched) reads.changesSince = watched.others() - announced;
    else delete reads.changesSince;
    const due = kernelReadDue(reads, Date.now(), o.intervalMs);
    if (!nft && known?.holds() && reads.changesSince === 0 && !due) {
      // Nobody else touched the ruleset: what the session knows (its own changes included) stands.
      kernelDigest = `known ${known.mark}`;
    } else if (due || stateMoved || (known && !known.holds())) {
      // A state file changed by another process comes with kernel changes: read them with it.
      const began = Date.now();
      if (watched) announced = watched.others();
      const mark = o.iptables.known?.mark ?? 0;
      const [save, table] = await Promise.all([
        o.runner.run(o.iptables.save, ['-c']),
        nft ? o.runner.run('nft', ['list', 'table', 'ip', 'switchyard']) : Promise.resolve({ exitCode: 0, stdout: '', stderr: '' }),
      ]);
      const next = digest([String(save.exitCode), withoutSaveComments(save.stdout), String(table.exitCode), table.stdout]);
      // The status read that follows plans nothing and reads nothing again: it takes this dump.
      if (o.iptables.known && save.exitCode === 0 && (next !== kernelDigest || !o.iptables.known.holds())) {
        try {
          o.iptables.known.offer(parseDump(o.iptables, save), mark);
        } catch {
          // status reads the kernel itself and reports the error in plain words
        }
      }
      kernelDigest = next;
      reads.lastEndedAt = Date.now();
      reads.lastTookMs = reads.lastEndedAt - began;
    }
    return digest([state, await o.factStamp(), kernelDigest]);
  };
}

/** A probe built from any pieces of text (the simulated host's netfilter generation, state, facts). */
export const textProbe = (read: () => Promise<readonly string[]>): HostProbe => async () => digest(await read());
