import type { BenchBackend } from './backends';
import type { BenchNetwork } from './bench-network';
import { medianMs } from './measure';

/** The iptables backend under one flavour (`iptables-nft`, `iptables-legacy`). */
export function iptablesBenchBackend(flavour: 'iptables-nft' | 'iptables-legacy' = 'iptables-nft'): BenchBackend {
  return {
    name: 'iptables',
    cli: ['--backend', 'iptables'],
    env: { SWITCHYARD_IPTABLES: flavour },
    async tool(net: BenchNetwork) {
      return (await net.run(net.ns.host, flavour, ['--version'])).trim().replace(/^iptables/, flavour);
    },
    // The rebind's own one-chain script (delete the old DNAT rule, append the new one), sent by one
    // iptables-restore: what a rebind cannot go below. Sent back and forth, as the rule it deletes must be there.
    rebindTransaction: async (net, report) => {
      const back = report.script.replace(/^-([DA]) /gm, (_, op: string) => (op === 'D' ? '-A ' : '-D ')).split('\n');
      const reversed = [back[0], ...back.slice(1, -2).reverse(), ...back.slice(-2)].join('\n');
      const send = (script: string) => net.run(net.ns.host, `${flavour}-restore`, ['--noflush', '--counters', '--wait', '5'], script);
      const ms = await medianMs(3, (i) => send(i % 2 ? report.script : reversed));
      await send(report.script); // the kernel holds what the state file says again
      return ms;
    },
  };
}
