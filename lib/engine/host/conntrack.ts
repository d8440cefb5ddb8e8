import type { Proto, Target } from '../model/binding';
import { flowMark } from '../iptables/names';
import type { CommandRunner } from '../runner/command-runner';
import { commandNotFound } from '../runner/command-runner';

/** What deleting flows achieved: how many were deleted, or why none could be. */
export type FlowCut = { deleted: number } | { warning: string };

/**
 * Delete the conntrack entries of flows a binding DNATed towards `old`, so their next packet is
 * NATed afresh (UDP after a rebind; TCP only with --cut).
 */
export async function cutFlows(runner: CommandRunner, proto: Proto, old: Pick<Target, 'address' | 'port'>): Promise<FlowCut> {
  const r = await runner.run('conntrack', ['-D', '-p', proto, '--reply-src', old.address, '--reply-port-src', String(old.port), '--mark', flowMark]);
  if (r.exitCode === commandNotFound) {
    return { warning: `conntrack is not installed: existing ${proto} flows keep ${old.address}:${old.port} until they end or time out` };
  }
  // conntrack exits 1 when it deleted nothing; the count is in its message either way.
  const m = /(\d+) flow entries have been deleted/.exec(r.stderr + r.stdout);
  if (m) return { deleted: Number(m[1]) };
  return { warning: `conntrack -D failed: ${r.stderr.trim()}` };
}
