import type { Binding, HostState } from '../model/binding';
import type { Change } from '../model/report';
import { networkOf } from '../iptables/compile';
import { bindingChain, flowBit, forwardMap, hex, maps, masqueradeBit, portChain, tag, trafficCounter, type MapName } from './names';

/** One map element: key and value as nft prints them, and the comment naming its owner. */
export interface NftElement {
  key: string;
  value: string;
  comment: string;
}

/** One rule as `nft list` prints it (without its comment), and its comment. */
export interface NftRule {
  text: string;
  comment: string;
}

/** A chain; base chains carry their `type … hook … priority …; policy accept;` header. */
export interface NftChain {
  name: string;
  base?: string;
  rules: NftRule[];
}

/**
 * Switchyard's table as data: what compile() wants, or what read-back found. Elements are keyed by
 * their key text, chains and counters by name, so comparing two tables is linear.
 */
export interface NftTable {
  counters: Map<string, { packets: number; bytes: number }>;
  maps: Map<MapName, Map<string, NftElement>>;
  chains: Map<string, NftChain>;
}

export const baseChains = {
  prerouting: 'type nat hook prerouting priority dstnat; policy accept;',
  output: 'type nat hook output priority -100; policy accept;',
  postrouting: 'type nat hook postrouting priority srcnat; policy accept;',
  forward: 'type filter hook forward priority filter; policy accept;',
} as const;

const dispatch = {
  prerouting: [
    { text: `ip daddr . meta l4proto . th dport vmap @${maps.importFronts.name}`, comment: 'switchyard:imports' },
    { text: `fib daddr type local iifname . meta l4proto . th dport vmap @${maps.exportFronts.name}`, comment: 'switchyard:exports' },
    { text: `fib daddr type local meta l4proto . th dport vmap @${maps.anyFronts.name}`, comment: 'switchyard:exports' },
  ],
  // The host's own connections: the seed says an export "won't work when run on $HOST2"; this is why it does.
  output: [
    { text: `ip daddr . meta l4proto . th dport vmap @${maps.importFronts.name}`, comment: 'switchyard:imports' },
    { text: `ip daddr != 127.0.0.0/8 fib daddr type local meta l4proto . th dport vmap @${maps.localFronts.name}`, comment: 'switchyard:exports' },
  ],
};

/** An empty table model. */
export function emptyTable(): NftTable {
  return { counters: new Map(), maps: new Map(Object.values(maps).map((m) => [m.name, new Map()])), chains: new Map() };
}

const quoteIface = (s: string) => `"${s}"`;

/** The map elements a binding owns: its front in a verdict map, its target in a target map. */
export function bindingElements(b: Binding, ownsLocal: boolean): { map: MapName; element: NftElement }[] {
  const comment = tag.binding(b.id);
  const target = `${b.target.address} . ${b.target.port}`;
  const jump = `goto ${bindingChain(b.id)}`;
  const pp = `${b.proto} . ${b.front.port}`;
  if (b.kind === 'import') {
    const key = `${b.front.address} . ${pp}`;
    return [
      { map: maps.importFronts.name, element: { key, value: jump, comment } },
      { map: maps.importTargets.name, element: { key, value: target, comment } },
    ];
  }
  const local = ownsLocal
    ? [
        { map: maps.localFronts.name, element: { key: pp, value: jump, comment } },
        { map: maps.localTargets.name, element: { key: pp, value: target, comment } },
      ]
    : [];
  if (!b.front.iface) return [{ map: maps.anyFronts.name, element: { key: pp, value: jump, comment } }, ...local];
  const key = `${quoteIface(b.front.iface)} . ${pp}`;
  return [
    { map: maps.exportFronts.name, element: { key, value: jump, comment } },
    { map: maps.exportTargets.name, element: { key, value: target, comment } },
    ...local,
  ];
}

/**
 * A binding's chain: count, mark and DNAT with the target looked up in a map, in one rule. An
 * export on an interface has a second rule for the host's own connections: in output there is no
 * input interface, so the first lookup misses (after counting and marking) and the second serves.
 */
export function bindingRules(b: Binding): NftRule[] {
  const comment = tag.binding(b.id);
  const marks = `${b.masquerade ? `meta mark set meta mark | ${hex(masqueradeBit)} ` : ''}ct mark set ct mark | ${hex(flowBit)}`;
  const dnat = (front: string[], map: MapName) => `dnat ip to ${[...front, 'meta l4proto', `${b.proto} dport`].join(' . ')} map @${map}`;
  const counted = (stmt: string) => ({ text: `counter name "${bindingChain(b.id)}" ${marks} ${stmt}`, comment });
  if (b.kind === 'import') return [counted(dnat(['ip daddr'], maps.importTargets.name))];
  if (!b.front.iface) return [counted(dnat([], maps.localTargets.name))];
  return [counted(dnat(['iifname'], maps.exportTargets.name)), { text: dnat([], maps.localTargets.name), comment }];
}

/** The key exports share in the local maps: protocol and port. */
export const localKey = (b: Binding): string => `${b.proto}.${b.front.port}`;

/**
 * A binding's traffic counters: its flows (ct mark bit, original destination = its front) counted
 * per direction into named counters, and accepted. They sit in the chain of the binding's protocol
 * and front port, which the forward chain reaches through one map lookup, so a packet passes a
 * few rules whatever the number of bindings. Nothing here names the target, so a rebind leaves
 * the rules and their counts alone.
 */
export function trafficRules(b: Binding): NftRule[] {
  const comment = tag.binding(b.id);
  const rule = (dir: 'original' | 'reply') =>
    [
      `ct mark & ${hex(flowBit)} == ${hex(flowBit)}`,
      ...(b.front.iface ? [`${dir === 'original' ? 'iifname' : 'oifname'} ${b.front.iface}`] : []),
      `meta l4proto ${b.proto}`,
      ...(b.kind === 'import' ? [`ct original ip daddr ${b.front.address}`] : []),
      `ct original proto-dst ${b.front.port}`,
      `ct direction ${dir}`,
      `counter name "${trafficCounter(b.id, dir)}"`,
      'accept',
    ].join(' ');
  return [
    { text: rule('original'), comment },
    { text: rule('reply'), comment },
  ];
}

/** Traffic rules are tried in this order: imports (an address), exports on an interface, exports on all. */
const trafficOrder = (b: Binding): number => (b.kind === 'import' ? 0 : b.front.iface ? 1 : 2);

/** One protocol and front port's traffic chain, and the forward map element that leads to it. */
export interface PortChain {
  chain: NftChain;
  map: MapName;
  element: NftElement;
}

/**
 * The traffic chains of the protocols and ports in `keys` (every one when absent), each holding
 * the rules (from `rulesOf`) of all bindings on it, in a fixed order.
 */
export function portChains(bindings: readonly Binding[], keys?: ReadonlySet<string>, rulesOf: (b: Binding) => NftRule[] = trafficRules): PortChain[] {
  const groups = new Map<string, Binding[]>();
  for (const b of bindings) {
    const key = localKey(b);
    if (keys && !keys.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  return [...groups.values()].map((group) => {
    const { proto, front } = group[0];
    const name = portChain(proto, front.port);
    const sorted = group.sort((a, b) => trafficOrder(a) - trafficOrder(b) || a.id.localeCompare(b.id));
    return {
      chain: { name, rules: sorted.flatMap(rulesOf) },
      map: forwardMap(proto),
      element: { key: String(front.port), value: `jump ${name}`, comment: tag.forward },
    };
  });
}

/** The forward chain: DNATed flows jump by protocol and original port to their traffic chain; all are accepted. */
const forwardDispatch: NftRule[] = (['tcp', 'udp'] as const).map((proto) => ({
  text: `ct mark & ${hex(flowBit)} == ${hex(flowBit)} meta l4proto ${proto} ct original proto-dst vmap @${forwardMap(proto)}`,
  comment: tag.forward,
}));

const forwardAccept: NftRule = { text: `ct mark & ${hex(flowBit)} == ${hex(flowBit)} accept`, comment: tag.forward };

/**
 * Exports that share protocol and port (on different interfaces) share one key in the local maps:
 * the first by id serves the host's own connections, as the first matching rule would in iptables.
 * Returns the owner's id per key; with `keys`, only for those keys (a change at 10,000 bindings
 * asks about one or two).
 */
export function localOwners(bindings: readonly Binding[], keys?: ReadonlySet<string>): Map<string, string> {
  const owner = new Map<string, string>();
  const ports = keys && new Set([...keys].map((k) => Number(k.slice(k.indexOf('.') + 1))));
  for (const b of bindings) {
    if (b.kind !== 'export' || (ports && !ports.has(b.front.port))) continue;
    const key = localKey(b);
    if (keys && !keys.has(key)) continue;
    const cur = owner.get(key);
    if (cur === undefined || b.id < cur) owner.set(key, b.id);
  }
  return owner;
}

/**
 * The table a host's state asks for, or null when it asks for nothing (so `flush` and removing the
 * last binding leave no trace). With `only`, just those bindings' parts (and their ports' traffic
 * chains) and the shared chains: what a change needs to compare, without building 10,000
 * bindings' worth twice. Pure.
 */
export function compileTable(state: Pick<HostState, 'bindings' | 'exposed'>, only?: ReadonlySet<string>): NftTable | null {
  if (state.bindings.length === 0 && state.exposed.length === 0) return null;
  const t = emptyTable();
  const chosen = only ? state.bindings.filter((b) => only.has(b.id)) : state.bindings;
  const keys = only ? new Set(chosen.map(localKey)) : undefined;
  const owners = localOwners(state.bindings, keys);
  for (const b of chosen) {
    t.counters.set(bindingChain(b.id), { packets: 0, bytes: 0 });
    for (const dir of ['original', 'reply'] as const) t.counters.set(trafficCounter(b.id, dir), { packets: 0, bytes: 0 });
    for (const { map, element } of bindingElements(b, owners.get(localKey(b)) === b.id)) t.maps.get(map)!.set(element.key, element);
    t.chains.set(bindingChain(b.id), { name: bindingChain(b.id), rules: bindingRules(b) });
  }
  for (const p of portChains(state.bindings, keys)) {
    t.chains.set(p.chain.name, p.chain);
    t.maps.get(p.map)!.set(p.element.key, p.element);
  }
  for (const c of sharedChains(state.exposed)) t.chains.set(c.name, c);
  return t;
}

/**
 * The bindings a change touches: those it names, and the exports that own (or come to own) the
 * local key of one of them. Null when the change does not say (then everything is compared).
 */
export function touchedBindings(before: HostState, next: HostState, changes: Change[]): Set<string> | null {
  if (changes.length === 0) return before.bindings === next.bindings ? new Set() : null;
  const ids = new Set(changes.map((c) => c.id));
  const keys = new Set(changes.flatMap((c) => [c.before, c.after]).filter((b): b is Binding => b?.kind === 'export').map(localKey));
  if (keys.size === 0) return ids;
  for (const owners of [localOwners(before.bindings, keys), localOwners(next.bindings, keys)]) {
    for (const k of keys) {
      const id = owners.get(k);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** The base chains every non-empty table has: dispatch, masquerade (and the exposures'), forward. */
export function sharedChains(exposed: HostState['exposed']): NftChain[] {
  const postrouting: NftRule[] = [
    { text: `meta mark & ${hex(masqueradeBit)} == ${hex(masqueradeBit)} masquerade`, comment: tag.masquerade },
    ...exposed.map((e) => {
      const net = networkOf(e.cidr);
      return { text: `ip saddr ${net} ip daddr != ${net} masquerade`, comment: tag.expose(e.cidr) };
    }),
  ];
  return [
    { name: 'prerouting', base: baseChains.prerouting, rules: dispatch.prerouting },
    { name: 'output', base: baseChains.output, rules: dispatch.output },
    { name: 'postrouting', base: baseChains.postrouting, rules: postrouting },
    { name: 'forward', base: baseChains.forward, rules: [...forwardDispatch, forwardAccept] },
  ];
}
