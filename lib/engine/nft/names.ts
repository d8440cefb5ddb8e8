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

/** One binding's chain, and its named counter (chains and objects have separate namespaces). */
export const bindingChain = (id: string): string => `b-${id}`;

/** A binding's forward-path counters: client → target (`o-<id>`) and target → client (`r-<id>`). */
export const trafficCounter = (id: string, dir: 'original' | 'reply'): string => `${dir === 'original' ? 'o' : 'r'}-${id}`;

/** The binding id of a chain name, or null for a base chain. */
export const bindingOfChain = (chain: string): string | null => (chain.startsWith('b-') ? chain.slice(2) : null);

/**
 * The maps new connections are dispatched through. `*_fronts` are verdict maps (front → the
 * binding's chain); `*_targets` give the DNAT target for the same key.
 */
export const maps = {
  importFronts: { name: 'import_fronts', key: ['ipv4_addr', 'inet_proto', 'inet_service'], value: 'verdict' },
  importTargets: { name: 'import_targets', key: ['ipv4_addr', 'inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service' },
  exportFronts: { name: 'export_fronts', key: ['ifname', 'inet_proto', 'inet_service'], value: 'verdict' },
  exportTargets: { name: 'export_targets', key: ['ifname', 'inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service' },
  /** Exports on every interface, entered from prerouting. */
  anyFronts: { name: 'any_fronts', key: ['inet_proto', 'inet_service'], value: 'verdict' },
  /** Every export, entered from output: the host's own connections to its exports. */
  localFronts: { name: 'local_fronts', key: ['inet_proto', 'inet_service'], value: 'verdict' },
  /** Targets of exports keyed without an interface (exports on every interface, and local use). */
  localTargets: { name: 'local_targets', key: ['inet_proto', 'inet_service'], value: 'ipv4_addr . inet_service' },
  /** The forward chain's dispatch of DNATed flows by original destination port, to that port's traffic chain. */
  forwardTcp: { name: 'forward_tcp', key: ['inet_service'], value: 'verdict' },
  forwardUdp: { name: 'forward_udp', key: ['inet_service'], value: 'verdict' },
} as const;

/** The forward map of one protocol (nft 1.0.6 cannot concatenate `ct original proto-dst`, so one map each). */
export const forwardMap = (proto: 'tcp' | 'udp'): MapName => (proto === 'tcp' ? maps.forwardTcp.name : maps.forwardUdp.name);

/** The chain holding the traffic counters of every binding on one protocol and front port. */
export const portChain = (proto: string, port: number): string => `f-${proto}-${port}`;

export type MapName = (typeof maps)[keyof typeof maps]['name'];

/** Comment tags, as in the iptables backend: `switchyard:<binding id>` on what a binding owns. */
export { tag } from '../iptables/names';
