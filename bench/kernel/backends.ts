import type { BenchNetwork } from './bench-network';

/**
 * One backend as `npm run bench -- --kernel` measures it. Every row is measured the same way for
 * each backend through the switchyard CLI; a backend only says how the CLI selects it, which tool
 * holds its rules, and what the floor of one rebind transaction is.
 */
export interface BenchBackend {
  /** As printed in the table: `iptables`, `nft`. */
  name: string;
  /** Global CLI flags that select it (`--backend nft`). */
  cli: string[];
  /** Environment for the CLI and for the tools the bench runs itself. */
  env: Record<string, string>;
  /** The tool that holds the rules, with its version (`iptables-nft v1.8.9`), for the "measured with" column. */
  tool(net: BenchNetwork): Promise<string>;
  /**
   * Milliseconds of the smallest kernel transaction that does what a rebind does (one one-chain
   * `iptables-restore`, one `nft -f` element replace), given the rebind's own `--json` report.
   */
  rebindTransaction(net: BenchNetwork, rebindReport: { script: string }): Promise<number>;
}
