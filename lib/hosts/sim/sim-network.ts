import { runSwitchyard } from '@/lib/engine';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import { SimHost } from './sim-host';
import { seedNetwork, type SimNetworkSpec } from './seed-network';

/** The simulated hosts of one network, by name, each already exposed on the overlay. */
export type SimNetwork = ReadonlyMap<string, SimHost>;

/** Every name the overlay's DNS answers: containers, outside services, hosts' exposed names. */
function nameTable(spec: SimNetworkSpec): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of spec.containers) names.set(c.name, c.address);
  for (const s of spec.services) names.set(s.name, s.address);
  for (const h of spec.hosts) {
    const address = h.expose.cidr.split('/')[0];
    names.set(h.name, address);
    if (h.expose.name) names.set(h.expose.name, address);
  }
  return names;
}

/** Runs the engine in process on one simulated host, exactly as its CLI would run there. */
export function runOnSimHost(host: SimHost, args: readonly string[], stdin?: string): Promise<RunResult> {
  return runSwitchyard(['--json', ...args], { runner: host.runner, store: host.store, hostname: host.name, stdin, env: {} });
}

/** Builds a simulated network and exposes each host through the engine (the seed's `weave expose`). */
export async function createSimNetwork(spec: SimNetworkSpec): Promise<SimNetwork> {
  const names = nameTable(spec);
  const hosts = new Map(spec.hosts.map((h) => [h.name, new SimHost(h, (n) => names.get(n))]));
  for (const h of spec.hosts) {
    const args = ['expose', h.expose.cidr, '--bridge', h.expose.bridge, ...(h.expose.name ? ['--name', h.expose.name] : [])];
    const r = await runOnSimHost(hosts.get(h.name)!, args);
    if (r.exitCode !== 0) throw new Error(`simulated ${h.name}: expose failed (${r.exitCode}): ${r.stderr}`);
  }
  return hosts;
}

// The embedded network lives as long as the server process. It is kept on globalThis because
// Next.js may load this module once per bundle; every bundle must see the same hosts.
const registryKey = Symbol.for('switchyard.simulated-network');
type Registry = { [registryKey]?: Promise<SimNetwork> };

/** The process-wide embedded network built from the seed topology. */
export function embeddedSimNetwork(): Promise<SimNetwork> {
  const g = globalThis as Registry;
  g[registryKey] ??= createSimNetwork(seedNetwork);
  return g[registryKey];
}
