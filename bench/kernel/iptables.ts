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
    // The rebind's own one-chain script, sent again by one iptables-restore: what a rebind cannot go below.
    rebindTransaction: (net, report) =>
      medianMs(3, () => net.run(net.ns.host, `${flavour}-restore`, ['--noflush', '--counters', '--wait', '5'], report.script)),
  };
}
