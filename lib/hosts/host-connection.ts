/**
 * How the console reaches one host's engine. `sim` hosts live in this process on the
 * simulated network; the others run the engine's CLI bundle as a process.
 */
export type HostConnection =
  | { name: string; transport: 'sim' }
  | { name: string; transport: 'local'; cli?: string; stateDir?: string }
  | { name: string; transport: 'netns'; namespace: string; stateDir: string; cli: string }
  | {
      name: string;
      transport: 'ssh';
      /** `user@address` as ssh takes it. */
      ssh: string;
      port?: number;
      /** ssh's own ProxyCommand (a jump host, or the lab's way into a namespace). */
      proxyCommand?: string;
      stateDir?: string;
      /** Path of the engine on the host; `switchyard` on its PATH by default. */
      cli?: string;
      /** The host's public key (`ssh-ed25519 AAAA…`), pinned in known_hosts before the first connection. */
      hostKey?: string;
    };

/** The transports a host may use. */
export type Transport = HostConnection['transport'];
