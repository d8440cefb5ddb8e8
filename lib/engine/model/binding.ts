/** Transport protocol a binding forwards. */
export type Proto = 'tcp' | 'udp';

/** export: an outside interface → the overlay; import: an exposed address → outside. */
export type BindingKind = 'export' | 'import';

/** Where a binding listens on its host. */
export interface Front {
  port: number;
  /** export only: the inbound interface; absent means every non-loopback local address. */
  iface?: string;
  /** import only: the exposed overlay address the binding listens on. */
  address?: string;
}

/** Where a binding sends traffic: the name the operator gave and the IPv4 address it resolved to. */
export interface Target {
  /** As given (`a1` or `192.168.1.3`). */
  name: string;
  /** IPv4 address `name` resolved to on the host. */
  address: string;
  port: number;
}

/** One owned DNAT binding on one host, as stored in the state file. */
export interface Binding {
  id: string;
  kind: BindingKind;
  proto: Proto;
  front: Front;
  target: Target;
  /** Mark DNATed flows so SWITCHYARD-POST masquerades them (false keeps the client's address). */
  masquerade: boolean;
  /** Bumped on every change to this binding; lets callers refuse stale edits. */
  revision: number;
}

/**
 * A binding as an operator or a file states it, before the target name is resolved.
 * The same shape as the CLI flags: `in` and `on` are the export and import fronts.
 */
export interface BindingSpec {
  id: string;
  kind: BindingKind;
  proto: Proto;
  port: number;
  in?: string;
  on?: string;
  /** `NAME_OR_IP:PORT` */
  to: string;
  masquerade: boolean;
}

/** An address this host holds on the overlay (what `weave expose` gives). */
export interface Exposure {
  /** Address with prefix, e.g. `10.2.1.3/16`. */
  cidr: string;
  /** Interface the address sits on (the overlay bridge). */
  bridge: string;
  /** DNS name announced for it, if any. */
  name?: string;
  /** The address was on the bridge before `expose`: it is not Switchyard's, and `hide` leaves it there. */
  preexisting?: true;
}

/** Everything a host's state file holds. */
export interface HostState {
  version: 1;
  /** Which backend holds the rules (`iptables` when absent: files from before backends). */
  backend?: 'iptables' | 'nft';
  bindings: Binding[];
  exposed: Exposure[];
}

export const emptyState = (): HostState => ({ version: 1, bindings: [], exposed: [] });

/** The front of a binding as people read it: `eth0:2211`, `*:2211`, `10.2.1.3:3322`. */
export function describeFront(b: Pick<Binding, 'kind' | 'front'>): string {
  if (b.kind === 'import') return `${b.front.address}:${b.front.port}`;
  return `${b.front.iface ?? '*'}:${b.front.port}`;
}

/** The target as the operator gave it: `a1:4422`. */
export function describeTarget(t: Target): string {
  return `${t.name}:${t.port}`;
}
