/**
 * How the console reaches one host's engine. `sim` hosts live in this process on the
 * simulated network; the others run the engine's CLI bundle as a process.
 */
export type HostConnection =
  | { name: string; transport: 'sim' }
  | { name: string; transport: 'local'; cli?: string; stateDir?: string }
  | { name: string; transport: 'netns'; namespace: string; stateDir: string; cli: string }
  | { name: string; transport: 'ssh'; ssh: string; stateDir?: string };

/** The transports a host may use. */
export type Transport = HostConnection['transport'];
