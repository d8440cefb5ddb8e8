import type { Binding, Exposure, BindingSpec } from './binding';

/**
 * The JSON documents `switchyard --json VERB` prints on stdout. The console, scripts and
 * tests read these shapes; change them only additively.
 */

/** How a binding's rules in the kernel compare to what the state file says they should be. */
export type KernelState = 'active' | 'drifted' | 'missing';

export interface Counters {
  packets: number;
  bytes: number;
}

/** A binding with what the kernel holds for it. */
export interface BindingReport extends Binding {
  state: KernelState;
  /** Packets/bytes that entered the binding (first packets of its flows, as NAT sees them). */
  counters: Counters;
  /** The exact rules the engine holds for this binding, `iptables-save` style (`-A CHAIN …`), per table. */
  rules: string[];
  /**
   * Honest traffic: new connections (first packets, as NAT sees them) and packets/bytes in both
   * directions through the forward path. Raw monotonic kernel counters: rates are the sampler's job.
   * Counters survive rebinds (nothing counted names the target); a flush or remove resets them.
   */
  traffic?: Traffic;
  /** For drifted bindings: expected rules absent from the kernel, and kernel rules not expected. */
  drift?: { missing: string[]; unexpected: string[] };
}

/** A binding's traffic, as the kernel counted it. */
export interface Traffic {
  /** New flows the binding DNATed (the nat hook sees only a flow's first packet). */
  connections: number;
  /** Client → target packets and bytes forwarded through the host. */
  toTarget: Counters;
  /** Target → client packets and bytes forwarded through the host. */
  fromTarget: Counters;
  /**
   * When `connections` was first seen higher than before (ISO 8601): the last connection happened
   * at or before this moment, within one sampling interval (list/status/watch runs on the host).
   */
  lastConnectionSeen?: string;
}

export interface InterfaceFact {
  name: string;
  up: boolean;
  /** IPv4 addresses with prefix, e.g. `192.168.1.2/24`. */
  addresses: string[];
}

/** What the engine learns about its host before compiling rules. */
export interface HostFacts {
  hostname: string;
  interfaces: InterfaceFact[];
  ipForward: boolean;
  /** True when the `weave` command is installed (names resolve through Weave DNS, expose uses it). */
  weave: boolean;
}

/** A DNAT rule that Switchyard does not own. */
export interface ForeignRule {
  /** What `switchyard adopt REF --id ID` takes to name this rule (`f-` + 8 hex digits; stable while the rule is unchanged). */
  ref: string;
  /** `nat` (iptables), or `nft <family> <table>` for a rule in another nftables table. */
  table: string;
  chain: string;
  /** The rule as `iptables-save` prints it. */
  rule: string;
  /** The binding it would become if adopted, or why it cannot be. */
  adoptAs: BindingSpec | null;
  reason?: string;
  /** The packets the rule catches, as far as a front can overlap them (absent parts match anything). */
  match?: ForeignMatch;
}

/** What a foreign DNAT rule matches on: protocol, destination port, destination address or network, inbound interface. */
export interface ForeignMatch {
  proto?: string;
  port?: number;
  /** `-d`: an address or a network (`10.2.0.0/16`). */
  destination?: string;
  iface?: string;
}

/** `list --json` */
export interface ListReport {
  host: string;
  bindings: BindingReport[];
}

/** `status --json` */
export interface StatusReport {
  host: string;
  backend: 'iptables' | 'nft';
  facts: HostFacts;
  exposed: Exposure[];
  bindings: BindingReport[];
  foreign: ForeignRule[];
  warnings: string[];
  /** Whether `switchyard watch` runs for this host's state (absent from simulated hosts' reports before this field existed). */
  watcher?: WatcherStatus;
}

/** `switchyard watch` on a host, as `status` sees it: its record in the state directory and whether its process lives. */
export interface WatcherStatus {
  running: boolean;
  pid?: number;
  /** When it started (ISO 8601). */
  since?: string;
  /** When it last compared the kernel with the state. */
  lastCheck?: string;
  /** How many times it re-applied the state, and when it last did. */
  heals?: number;
  lastHeal?: string;
}

/** One line of what a plan or a verb changes. */
export interface Change {
  op: 'add' | 'remove' | 'rebind' | 'update';
  id: string;
  before?: Binding;
  after?: Binding;
}

/** `plan --json`, and the body of every verb that changes something. */
export interface ChangeReport {
  /** Binding-level changes. */
  changes: Change[];
  /** The exact iptables-restore script sent (or that would be sent); empty when nothing changes. */
  script: string;
  /** Non-fatal observations (ip_forward off, conntrack missing, …). */
  warnings: string[];
  /** Set by export/import/rebind: the binding as now stored. */
  binding?: Binding;
  /** Set by rebind: conntrack entries deleted (UDP, or TCP with --cut). */
  flowsCut?: number;
}

/** `expose --json` / `hide --json` */
export interface ExposeReport {
  exposed: Exposure[];
  warnings: string[];
}

/** Error object printed on stderr with `--json` (one line). */
export interface ErrorReport {
  code: string;
  message: string;
  /** The input field at fault, for bad-input errors. */
  field?: string;
  /** For kernel refusals: the failing script line and the lines around it. */
  context?: string;
}

/** One binding's health: a TCP connection from the host to its target. */
export interface ProbeResult {
  id: string;
  proto: 'tcp' | 'udp';
  /** The address and port probed (the target as resolved). */
  target: string;
  /** ok / refused / timeout (2 s); unreachable (no route); error (anything else); unprobed (UDP). */
  outcome: 'ok' | 'refused' | 'timeout' | 'unreachable' | 'error' | 'unprobed';
  /** Milliseconds until connected (ok) or refused. */
  latencyMs?: number;
  /** The socket error, when not ok. */
  error?: string;
  /** When the probe started (ISO 8601). */
  at: string;
}

/** `probe --json` */
export interface ProbeReport {
  host: string;
  probes: ProbeResult[];
}
