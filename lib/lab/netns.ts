import { mustRun, runCommand } from './run-command';

/** Namespaces that exist now (`ip netns list`). */
export async function listNamespaces(): Promise<string[]> {
  const out = await mustRun('ip', ['netns', 'list']);
  // Lines look like `sy-host1 (id: 3)` or just `sy-host1`.
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name): name is string => Boolean(name));
}

/** Creates a namespace with its loopback up. */
export async function addNamespace(ns: string): Promise<void> {
  await mustRun('ip', ['netns', 'add', ns]);
  await mustRun('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
}

/** Deletes a namespace (its veth ends go with it). */
export async function deleteNamespace(ns: string): Promise<void> {
  await mustRun('ip', ['netns', 'delete', ns]);
}

/** Ids of the processes running inside a namespace. */
export async function namespacePids(ns: string): Promise<number[]> {
  const r = await runCommand('ip', ['netns', 'pids', ns]);
  if (r.exitCode !== 0) return [];
  return r.stdout.split('\n').filter(Boolean).map(Number);
}

/** Creates a veth pair with each end born directly in its namespace (nothing touches the root namespace). */
export async function addVeth(a: { ns: string; iface: string }, b: { ns: string; iface: string }): Promise<void> {
  await mustRun('ip', ['link', 'add', a.iface, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.iface, 'netns', b.ns]);
}

/** Creates a Linux bridge inside a namespace and brings it up. */
export async function addBridge(ns: string, bridge: string): Promise<void> {
  await mustRun('ip', ['-n', ns, 'link', 'add', bridge, 'type', 'bridge']);
  await mustRun('ip', ['-n', ns, 'link', 'set', bridge, 'up']);
}

/** Attaches an interface to a bridge in the same namespace. */
export async function attachToBridge(ns: string, iface: string, bridge: string): Promise<void> {
  await mustRun('ip', ['-n', ns, 'link', 'set', iface, 'master', bridge]);
}

/** Brings an interface up. */
export async function linkUp(ns: string, iface: string): Promise<void> {
  await mustRun('ip', ['-n', ns, 'link', 'set', iface, 'up']);
}

/** Adds an IPv4 address with prefix (`10.2.1.3/16`) to an interface. */
export async function addAddress(ns: string, iface: string, cidr: string): Promise<void> {
  await mustRun('ip', ['-n', ns, 'address', 'add', cidr, 'dev', iface]);
}

/** Sets a sysctl inside a namespace. */
export async function setSysctl(ns: string, key: string, value: string): Promise<void> {
  await mustRun('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', `${key}=${value}`]);
}

/** Sets a built-in filter chain's policy inside a namespace (`FORWARD` → `DROP`, as Docker does). */
export async function setFilterPolicy(ns: string, chain: string, policy: 'ACCEPT' | 'DROP'): Promise<void> {
  await mustRun('ip', ['netns', 'exec', ns, 'iptables', '-w', '-t', 'filter', '-P', chain, policy]);
}

/** IPv4 addresses with prefix per interface inside a namespace (`ip -j address`). */
export async function namespaceAddresses(ns: string): Promise<Record<string, string[]>> {
  const r = await runCommand('ip', ['-n', ns, '-j', '-4', 'address', 'show']);
  if (r.exitCode !== 0) return {};
  const links = JSON.parse(r.stdout || '[]') as { ifname: string; addr_info?: { local: string; prefixlen: number }[] }[];
  return Object.fromEntries(links.map((l) => [l.ifname, (l.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`)]));
}
