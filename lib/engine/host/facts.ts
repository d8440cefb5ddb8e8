import { EngineError } from '../errors';
import type { HostFacts, InterfaceFact } from '../model/report';
import type { CommandRunner } from '../runner/command-runner';
import { commandNotFound } from '../runner/command-runner';

interface IpAddrJson {
  ifname: string;
  flags?: string[];
  addr_info?: { family: string; local: string; prefixlen: number }[];
}

/** Parse `ip -j -4 addr show` into interfaces with their IPv4 addresses. */
export function parseIpAddr(json: string): InterfaceFact[] {
  const list = JSON.parse(json) as IpAddrJson[];
  return list.map((i) => ({
    name: i.ifname,
    up: (i.flags ?? []).includes('UP'),
    addresses: (i.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`),
  }));
}

/** Learn what the engine needs about its host: interfaces and addresses, ip_forward, Weave. */
export async function readFacts(runner: CommandRunner, hostname: string): Promise<HostFacts> {
  const [addr, fwd, weave] = await Promise.all([
    runner.run('ip', ['-j', '-4', 'addr', 'show']),
    runner.run('cat', ['/proc/sys/net/ipv4/ip_forward']),
    runner.run('weave', ['version']),
  ]);
  if (addr.exitCode !== 0) throw new EngineError('host-failure', `could not list interfaces: ${addr.stderr.trim()}`);
  return {
    hostname,
    interfaces: parseIpAddr(addr.stdout),
    ipForward: fwd.stdout.trim() === '1',
    weave: weave.exitCode !== commandNotFound,
  };
}

/** Warnings an operator should see about the host as a whole. */
export function hostWarnings(f: HostFacts, bindingCount: number): string[] {
  return bindingCount > 0 && !f.ipForward
    ? ['ip_forward is off on this host: bindings to other machines will not forward (sysctl -w net.ipv4.ip_forward=1)']
    : [];
}
