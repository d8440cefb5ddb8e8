import { runSwitchyard } from '@/lib/engine';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import { SimHost } from './sim-host';
import { simProbeConnector } from './sim-probe';
import { seedNetwork, type SimHostSpec, type SimNetworkSpec } from './seed-network';

/** The simulated hosts of one network, by name, each already exposed on the overlay. */
export type SimNetwork = ReadonlyMap<string, SimHost>;

/** Every name the overlay's DNS answers: containers, outside services, hosts' exposed names. */
function nameTable(spec: SimNetworkSpec): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of spec.containers) names.set(c.name, c.address);
  for (const s of spec.services) names.set(s.name, s.address);
  for (const h of spec.hosts) {
    const first = h.exposed[0];
    if (first) names.set(h.name, first.cidr.split('/')[0]);
    for (const e of h.exposed) if (e.name) names.set(e.name, e.cidr.split('/')[0]);
  }
  return names;
}

// A host always has loopback, and the bridges it is exposed on exist even when the spec lists no interfaces.
function withOwnInterfaces(h: SimHostSpec): SimHostSpec {
  const interfaces = h.interfaces.some((i) => i.name === 'lo') ? [...h.interfaces] : [{ name: 'lo', addresses: ['127.0.0.1/8'] }, ...h.interfaces];
  for (const e of h.exposed) if (!interfaces.some((i) => i.name === e.bridge)) interfaces.push({ name: e.bridge, addresses: [] });
  return { ...h, interfaces };
}

/** Runs the engine in process on one simulated host, exactly as its CLI would run there. */
export function runOnSimHost(host: SimHost, args: readonly string[], stdin?: string): Promise<RunResult> {
  return runSwitchyard(['--json', ...args], { runner: host.runner, store: host.store, hostname: host.name, stdin, env: {}, connector: host.connector });
}

async function mustRun(host: SimHost, what: string, args: readonly string[], stdin?: string): Promise<void> {
  const r = await runOnSimHost(host, args, stdin);
  if (r.exitCode !== 0) throw new Error(`simulated ${host.name}: ${what} failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
}

/**
 * Builds a simulated network through the engine itself: each host exposes its overlay addresses
 * (the seed's `weave expose`) and then applies its initial bindings, as an operator would.
 */
export async function createSimNetwork(spec: SimNetworkSpec): Promise<SimNetwork> {
  const names = nameTable(spec);
  const hosts = new Map(spec.hosts.map((h) => [h.name, new SimHost(withOwnInterfaces(h), (n) => names.get(n))]));
  for (const [name, host] of hosts) host.connector = simProbeConnector(name, spec, hosts);
  for (const h of spec.hosts) {
    const host = hosts.get(h.name)!;
    for (const e of h.exposed) await mustRun(host, `expose ${e.cidr}`, ['expose', e.cidr, '--bridge', e.bridge, ...(e.name ? ['--name', e.name] : [])]);
    if (h.bindings?.length) await mustRun(host, 'applying its initial bindings', ['apply', '--file', '-'], JSON.stringify({ bindings: h.bindings }));
  }
  return hosts;
}

// The embedded network lives as long as the server process. It is kept on globalThis because
// Next.js may load this module once per bundle; every bundle must see the same hosts.
const registryKey = Symbol.for('switchyard.simulated-network');
type Registry = { [registryKey]?: Promise<SimNetwork> };

/** The process-wide simulated network: the one last started, else the seed's. */
export function embeddedSimNetwork(): Promise<SimNetwork> {
  const g = globalThis as Registry;
  g[registryKey] ??= createSimNetwork(seedNetwork);
  return g[registryKey];
}

/** Build `spec` (an inventory's `sim` hosts) and make it the process-wide simulated network. */
export function startSimNetwork(spec: SimNetworkSpec): Promise<SimNetwork> {
  const g = globalThis as Registry;
  g[registryKey] = createSimNetwork(spec);
  return g[registryKey];
}
