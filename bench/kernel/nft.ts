import type { BenchBackend } from './backends';
import { medianMs } from './measure';

/**
 * The nft backend as `npm run bench -- --kernel` measures it: its rules in `table ip switchyard`,
 * and a rebind's floor is its own `nft -f` (one map element replaced), sent again.
 */
export const nftBenchBackend: BenchBackend = {
  name: 'nft',
  cli: ['--backend', 'nft'],
  // FORWARD's DROP policy is set with iptables-nft; the backend's one jump past it uses the same.
  env: { SWITCHYARD_IPTABLES: 'iptables-nft' },
  async tool(net) {
    return (await net.run(net.ns.host, 'nft', ['--version'])).trim();
  },
  rebindTransaction: (net, report) => medianMs(3, () => net.run(net.ns.host, 'nft', ['-f', '-'], report.script)),
};
