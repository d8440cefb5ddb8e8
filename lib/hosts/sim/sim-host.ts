import { MemoryStateStore } from '@/lib/engine';
import { SimulatedIptables, handleIptablesCommand } from '@/lib/engine/iptables/simulated';
import { commandNotFound, type CommandRunner, type RunOptions, type RunResult } from '@/lib/engine/runner/command-runner';
import type { TcpConnector } from '@/lib/engine/host/probe';
import type { SimHostSpec, SimInterface } from './seed-network';

const ok = (stdout = ''): RunResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (exitCode: number, stderr: string): RunResult => ({ exitCode, stdout: '', stderr });

/**
 * One simulated host: its interfaces, its netfilter (SimulatedIptables, which accepts the very
 * scripts the engine renders for a real host) and its state store. Its runner answers the
 * commands the engine runs, from this host's own simulated facts.
 */
export class SimHost {
  readonly name: string;
  readonly interfaces: SimInterface[];
  readonly iptables = new SimulatedIptables();
  readonly store = new MemoryStateStore();
  ipForward = true;
  /** How `probe` connects from this host: decided from its network's description (set by the network). */
  connector?: TcpConnector;
  /** Answers the engine's commands; conntrack holds no flows here, so deletions find nothing. */
  readonly runner: CommandRunner;

  constructor(
    spec: SimHostSpec,
    private readonly resolveName: (name: string) => string | undefined,
  ) {
    this.name = spec.name;
    this.interfaces = spec.interfaces.map((i) => ({ name: i.name, addresses: [...i.addresses] }));
    this.runner = { run: (file, args, opts) => Promise.resolve(this.answer(file, args, opts)) };
  }

  private answer(file: string, args: readonly string[], opts: RunOptions = {}): RunResult {
    const iptables = handleIptablesCommand(this.iptables, file, args, opts.input ?? '');
    if (iptables) return iptables;
    const line = args.join(' ');
    switch (file) {
      case 'ip':
        if (line === '-j -4 addr show') return ok(JSON.stringify(this.addressReport()) + '\n');
        if (args[0] === 'addr' && (args[1] === 'add' || args[1] === 'del') && args[3] === 'dev') return this.changeAddress(args[1], args[2], args[4]);
        return fail(1, `ip: simulated host does not answer "${line}"`);
      case 'cat':
        if (line === '/proc/sys/net/ipv4/ip_forward') return ok(this.ipForward ? '1\n' : '0\n');
        return fail(1, `cat: ${line}: No such file or directory`);
      case 'sysctl':
        if (line === '-w net.ipv4.ip_forward=1') {
          this.ipForward = true;
          return ok('net.ipv4.ip_forward = 1\n');
        }
        return fail(255, `sysctl: simulated host does not answer "${line}"`);
      case 'getent':
        return this.getent(args);
      case 'ss':
        // Every simulated host runs an ssh server, as a real one would: the listener rail sees it.
        if (line === '-Hltnup') return ok('tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=1,fd=3))\n');
        return fail(1, `ss: simulated host does not answer "${line}"`);
      case 'conntrack':
        return fail(1, 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.\n');
      default:
        // Weave is not installed on simulated hosts: names come from getent, expose uses the bridge.
        return fail(commandNotFound, `${file}: command not found`);
    }
  }

  /** What `ip -j -4 addr show` prints for this host. */
  private addressReport() {
    return this.interfaces.map((iface, index) => ({
      ifindex: index + 1,
      ifname: iface.name,
      flags: iface.name === 'lo' ? ['LOOPBACK', 'UP', 'LOWER_UP'] : ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      operstate: iface.name === 'lo' ? 'UNKNOWN' : 'UP',
      addr_info: iface.addresses.map((cidr) => {
        const [local, prefix] = cidr.split('/');
        return { family: 'inet', local, prefixlen: Number(prefix), scope: iface.name === 'lo' ? 'host' : 'global', label: iface.name };
      }),
    }));
  }

  private changeAddress(op: 'add' | 'del', cidr: string, dev: string): RunResult {
    const iface = this.interfaces.find((i) => i.name === dev);
    if (!iface) return fail(1, `Cannot find device "${dev}"\n`);
    const has = iface.addresses.includes(cidr);
    if (op === 'add') {
      // What iproute2 6.x (Debian 12) prints; older versions said "RTNETLINK answers: File exists".
      if (has) return fail(2, 'Error: ipv4: Address already assigned.\n');
      iface.addresses.push(cidr);
    } else {
      if (!has) return fail(2, 'Error: ipv4: Address not found.\n');
      iface.addresses.splice(iface.addresses.indexOf(cidr), 1);
    }
    return ok();
  }

  private getent(args: readonly string[]): RunResult {
    if (args[0] !== 'ahostsv4' || !args[1]) return fail(1, 'Unknown database\n');
    const address = /^\d{1,3}(\.\d{1,3}){3}$/.test(args[1]) ? args[1] : this.resolveName(args[1]);
    if (!address) return fail(2, '');
    return ok(`${address.padEnd(15)} STREAM ${args[1]}\n${address.padEnd(15)} DGRAM  \n${address.padEnd(15)} RAW    \n`);
  }
}
