import { argValue, type Rule } from '../iptables/ruleset';
import type { CommandRunner } from '../runner/command-runner';

/** The rule lines of one chain in `nft -a list chain` text, with their handles, in order. */
export function chainHandles(listing: string): { text: string; handle: number }[] {
  return listing
    .split('\n')
    .map((l) => /^\s+(.*\S)\s+# handle (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && !/^(chain|type) /.test(m[1]))
    .map((m) => ({ text: m[1], handle: Number(m[2]) }));
}

/**
 * The `nft` line that deletes a foreign iptables rule inside the nft backend's own transaction.
 * iptables-nft keeps its nat table as the nftables table `ip nat`, rules in the order iptables-save
 * prints them: the rule at `position` is the one, if it DNATs to the same destination. Null when
 * the rule is not there in nft (iptables-legacy): the caller then removes it with iptables after
 * adding the binding (both DNAT the same flows the same way, so none finds neither).
 */
export async function releaseLine(runner: CommandRunner, released: { rule: Rule; position: number }): Promise<string | null> {
  const chain = released.rule.chain;
  const r = await runner.run('nft', ['-a', 'list', 'chain', 'ip', 'nat', chain]);
  if (r.exitCode !== 0) return null;
  const at = chainHandles(r.stdout)[released.position - 1];
  const to = argValue(released.rule.args, '--to-destination');
  if (!at || !to || !at.text.includes(`dnat to ${to}`)) return null;
  return `delete rule ip nat ${chain} handle ${at.handle}\n`;
}
