/** Switchyard's one nftables table; nothing outside it is written (see `forward.ts` for the one iptables jump). */
export const table = { family: 'ip', name: 'switchyard' } as const;

/** `ip switchyard`, as commands name it. */
export const tableRef = `${table.family} ${table.name}`;

/** Packet mark bit that asks postrouting to masquerade (the same bit the iptables backend uses). */
export const masqueradeBit = 0x00100000;
/** Connection mark bit on every flow a binding DNATed; forward accepts these (shared with iptables). */
export const flowBit = 0x00200000;

/** A mark bit as nft prints it: `0x00100000`. */
export const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/**
 * The maps. Per-binding state lives in their elements, not in chains or counter objects: nft
 * 1.0.6 caches every chain and object for any listing or transaction, and an element is far
 * cheaper. `*_fronts` are counted verdict maps (front → one of a few fixed DNAT chains; the
 * element's counter is the binding's connection count); `*_targets` give the DNAT target for the
 * same key and carry no counter, so a rebind (which replaces one target) keeps the count.
 */
export const maps = {
  importFronts: { name: 'import_fronts', key: ['ipv4_addr', 'inet_proto', 'inet_service'], value: 'verdict', counted: true },
  importTargets: { name: 'import_targets', key: ['ipv4_addr', 'inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service', counted: false },
  exportFronts: { name: 'export_fronts', key: ['ifname', 'inet_proto', 'inet_service'], value: 'verdict', counted: true },
  exportTargets: { name: 'export_targets', key: ['ifname', 'inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service', counted: false },
  /** Exports on every interface, entered from prerouting. */
  anyFronts: { name: 'any_fronts', key: ['inet_proto', 'inet_service'], value: 'verdict', counted: true },
  /** Every export, entered from output: the host's own connections to its exports. */
  localFronts: { name: 'local_fronts', key: ['inet_proto', 'inet_service'], value: 'verdict', counted: true },
  /** Targets of exports keyed without an interface (exports on every interface, and local use). */
  localTargets: { name: 'local_targets', key: ['inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service', counted: false },
  /**
   * Forwarded traffic of DNATed flows, per protocol and direction, keyed by the original
   * destination port: a port one binding owns accepts in the element (whose counter is that
   * binding's), a shared port goes to its small chain of counted rules.
   */
  forwardTcpOriginal: { name: 'forward_tcp_original', key: ['inet_service'], value: 'verdict', counted: true },
  forwardTcpReply: { name: 'forward_tcp_reply', key: ['inet_service'], value: 'verdict', counted: true },
  forwardUdpOriginal: { name: 'forward_udp_original', key: ['inet_service'], value: 'verdict', counted: true },
  forwardUdpReply: { name: 'forward_udp_reply', key: ['inet_service'], value: 'verdict', counted: true },
} as const;

/** Traffic directions: client → target is `original`, target → client is `reply`. */
export type Direction = 'original' | 'reply';

/** The forward map of one protocol and direction (nft 1.0.6 cannot concatenate `ct original proto-dst`). */
export const forwardMap = (proto: 'tcp' | 'udp', dir: Direction): MapName => `forward_${proto}_${dir}` as MapName;

/** The chain holding the traffic counters of the bindings sharing one protocol and front port. */
export const portChain = (proto: string, port: number): string => `f-${proto}-${port}`;

/** Which DNAT a front leads to: the target map it reads, keyed as its front map is. */
export type DnatKind = 'import' | 'export' | 'local';

/** One of the six fixed DNAT chains: kind × masquerade (`dnat-export-masq`, `dnat-import`, …). */
export const dnatChain = (kind: DnatKind, masquerade: boolean): string => `dnat-${kind}${masquerade ? '-masq' : ''}`;

export type MapName = (typeof maps)[keyof typeof maps]['name'];

/** A map's declaration by name. */
export const mapOf = new Map<string, (typeof maps)[keyof typeof maps]>(Object.values(maps).map((m) => [m.name, m]));

/** Comment tags, as in the iptables backend: `switchyard:<binding id>` on what a binding owns. */
export { tag } from '../iptables/names';
