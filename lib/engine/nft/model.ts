import type { Binding, HostState } from '../model/binding';
import type { Change } from '../model/report';
import { networkOf } from '../iptables/compile';
import { dnatChain, flowBit, forwardMap, hex, maps, masqueradeBit, portChain, tag, type DnatKind, type Direction, type MapName } from './names';

/** Packets and bytes, as a counter holds them. */
export interface Count {
  packets: number;
  bytes: number;
}

/** One map element: key and value as nft prints them, the comment naming its owner, and its counter in a counted map. */
export interface NftElement {
  key: string;
  value: string;
  comment: string;
  /** What the kernel counted (read back, or carried over into a rewrite); absent: a fresh counter. */
  counter?: Count;
}

/** One rule as `nft list` prints it (without its comment; an inline counter as the bare word `counter`). */
export interface NftRule {
  text: string;
  comment: string;
  /** The values of the rule's inline counter, when read back or carried over. */
  counter?: Count;
}

/** A chain; base chains carry their `type … hook … priority …; policy accept;` header. */
export interface NftChain {
  name: string;
  base?: string;
  rules: NftRule[];
}

/**
 * Switchyard's table as data: what compile() wants, or what read-back found. Elements are keyed by
 * their key text, chains by name, so comparing two tables is linear. `counterObjects` holds named
 * counters, which only tables of the earlier design (a chain and three counters per binding) have:
 * read so that a full sync can carry their counts over when it takes such a table over.
 */
export interface NftTable {
  maps: Map<MapName, Map<string, NftElement>>;
  chains: Map<string, NftChain>;
  counterObjects?: Map<string, Count>;
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
  return { maps: new Map(Object.values(maps).map((m) => [m.name, new Map()])), chains: new Map() };
}

const quoteIface = (s: string) => `"${s}"`;

/** The key exports share in the local maps: protocol and port. */
export const localKey = (b: Binding): string => `${b.proto}.${b.front.port}`;

/** The same as `localKey`, as one number below `localIndexes` (no string per binding, for 10,000 of them at once). */
export const localIndex = (b: Binding): number => (b.proto === 'udp' ? 0x10000 : 0) + b.front.port;
export const localIndexes = 0x20000;

/** The ports of some local keys: a cheap first test before building a binding's key (10,000 of them per change). */
const portsOf = (keys: ReadonlySet<string>): Set<number> => new Set([...keys].map((k) => Number(k.slice(k.indexOf('.') + 1))));

/**
 * The map elements a binding owns: its front in a counted verdict map (leading to the fixed DNAT
 * chain of its kind and masquerade), its target in a target map. An export that serves the host's
 * own connections (`ownsLocal`) keeps its one target in `local_targets`, which the export DNAT
 * chain falls back to; the others keep theirs in `export_targets`.
 */
export function bindingElements(b: Binding, ownsLocal: boolean): { map: MapName; element: NftElement }[] {
  const comment = tag.binding(b.id);
  const target = `${b.target.address} . ${b.target.port}`;
  const to = (kind: DnatKind) => `goto ${dnatChain(kind, b.masquerade)}`;
  const pp = `${b.proto} . ${b.front.port}`;
  if (b.kind === 'import') {
    const key = `${b.front.address} . ${pp}`;
    return [
      { map: maps.importFronts.name, element: { key, value: to('import'), comment } },
      { map: maps.importTargets.name, element: { key, value: target, comment } },
    ];
  }
  const local = ownsLocal
    ? [
        { map: maps.localFronts.name, element: { key: pp, value: to('local'), comment } },
        { map: maps.localTargets.name, element: { key: pp, value: target, comment } },
      ]
    : [];
  if (!b.front.iface) return [{ map: maps.anyFronts.name, element: { key: pp, value: to('local'), comment } }, ...local];
  const key = `${quoteIface(b.front.iface)} . ${pp}`;
  return [
    { map: maps.exportFronts.name, element: { key, value: to('export'), comment } },
    ...(ownsLocal ? [] : [{ map: maps.exportTargets.name, element: { key, value: target, comment } }]),
    ...local,
  ];
}

/**
 * The six DNAT chains every binding's front leads to, one per kind × masquerade: mark the flow
 * (forward accepts it, postrouting masquerades it), then DNAT to the target its front's key finds.
 * An export's chain looks in `export_targets` first and falls back to `local_targets` (a map miss
 * ends a rule without effect), so the export that owns its port's local key stores its target once.
 */
export function dnatChains(): NftChain[] {
  const comment = 'switchyard:dnat';
  const dnat = (front: string[], map: MapName) => ({ text: `dnat ip to ${[...front, 'meta l4proto', 'th dport'].join(' . ')} map @${map}`, comment });
  const chains: NftChain[] = [];
  for (const masquerade of [false, true]) {
    const marks = { text: `${masquerade ? `meta mark set meta mark | ${hex(masqueradeBit)} ` : ''}ct mark set ct mark | ${hex(flowBit)}`, comment };
    chains.push(
      { name: dnatChain('import', masquerade), rules: [marks, dnat(['ip daddr'], maps.importTargets.name)] },
      { name: dnatChain('export', masquerade), rules: [marks, dnat(['iifname'], maps.exportTargets.name), dnat([], maps.localTargets.name)] },
      { name: dnatChain('local', masquerade), rules: [marks, dnat([], maps.localTargets.name)] },
    );
  }
  return chains;
}

/**
 * A binding's traffic rules, for a port it shares with other bindings: its flows (original
 * destination = its front) counted per direction by inline counters, and accepted. Nothing here
 * names the target, so a rebind leaves the rules and their counts alone.
 */
export function trafficRules(b: Binding): NftRule[] {
  const comment = tag.binding(b.id);
  const rule = (dir: Direction) =>
    [
      ...(b.front.iface ? [`${dir === 'original' ? 'iifname' : 'oifname'} ${b.front.iface}`] : []),
      ...(b.kind === 'import' ? [`ct original ip daddr ${b.front.address}`] : []),
      `ct direction ${dir}`,
      'counter',
      'accept',
    ].join(' ');
  return [
    { text: rule('original'), comment },
    { text: rule('reply'), comment },
  ];
}

/** Traffic rules are tried in this order: imports (an address), exports on an interface, exports on all. */
const trafficOrder = (b: Binding): number => (b.kind === 'import' ? 0 : b.front.iface ? 1 : 2);

const directions: Direction[] = ['original', 'reply'];

/** One protocol and front port's traffic: its forward map elements, and its chain when bindings share the port. */
export interface PortTraffic {
  key: string;
  elements: { map: MapName; element: NftElement }[];
  chain?: NftChain;
}

/**
 * The forward path's traffic counting for the protocols and ports in `keys` (every one when
 * absent). A port one binding owns is one element per direction, tagged with that binding and
 * accepting: its counter is the binding's. Bindings sharing a port share a chain of counted rules
 * (from `rulesOf`), in a fixed order, which both directions' elements jump to.
 */
export function portTraffic(bindings: readonly Binding[], keys?: ReadonlySet<string>, rulesOf: (b: Binding) => NftRule[] = trafficRules): PortTraffic[] {
  const groups = new Map<string, Binding[]>();
  const ports = keys && portsOf(keys);
  for (const b of bindings) {
    if (ports && !ports.has(b.front.port)) continue;
    const key = localKey(b);
    if (keys && !keys.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  return [...groups].map(([key, group]) => {
    const { proto, front } = group[0];
    const at = (value: string, comment: string) => directions.map((dir) => ({ map: forwardMap(proto, dir), element: { key: String(front.port), value, comment } }));
    if (group.length === 1) return { key, elements: at('accept', tag.binding(group[0].id)) };
    const name = portChain(proto, front.port);
    const sorted = group.sort((a, b) => trafficOrder(a) - trafficOrder(b) || a.id.localeCompare(b.id));
    return { key, elements: at(`jump ${name}`, tag.forward), chain: { name, rules: sorted.flatMap(rulesOf) } };
  });
}

/** The forward chain: DNATed flows go by protocol, direction and original port to their counters; all are accepted. */
const forwardRules: NftRule[] = [
  ...(['tcp', 'udp'] as const).flatMap((proto) =>
    directions.map((dir) => ({
      text: `ct mark & ${hex(flowBit)} == ${hex(flowBit)} meta l4proto ${proto} ct direction ${dir} ct original proto-dst vmap @${forwardMap(proto, dir)}`,
      comment: tag.forward,
    })),
  ),
  { text: `ct mark & ${hex(flowBit)} == ${hex(flowBit)} accept`, comment: tag.forward },
];

/**
 * Exports that share protocol and port (on different interfaces) share one key in the local maps:
 * the first by id serves the host's own connections, as the first matching rule would in iptables.
 * Returns the owner's id per key; with `keys`, only for those keys (a change at 10,000 bindings
 * asks about one or two).
 */
export function localOwners(bindings: readonly Binding[], keys?: ReadonlySet<string>): Map<string, string> {
  const owner = new Map<string, string>();
  const ports = keys && portsOf(keys);
  for (const b of bindings) {
    if (ports && !ports.has(b.front.port)) continue;
    const key = localKey(b);
    if (keys && !keys.has(key)) continue;
    const cur = owner.get(key);
    if (ownsLocalUse(b, cur)) owner.set(key, b.id);
  }
  return owner;
}

/** Whether `b` serves local use on its key rather than the export with id `current` (none yet: undefined). */
export const ownsLocalUse = (b: Binding, current: string | undefined): boolean => b.kind === 'export' && (current === undefined || b.id < current);

/**
 * The table a host's state asks for, or null when it asks for nothing (so `flush` and removing the
 * last binding leave no trace). With `only`, just those bindings' parts (and their ports' traffic)
 * and the shared chains: what a change needs to compare, without building 10,000 bindings' worth
 * twice. Pure.
 */
export function compileTable(state: Pick<HostState, 'bindings' | 'exposed'>, only?: ReadonlySet<string>): NftTable | null {
  if (state.bindings.length === 0 && state.exposed.length === 0) return null;
  const t = emptyTable();
  const chosen = only ? state.bindings.filter((b) => only.has(b.id)) : state.bindings;
  const keys = only ? new Set(chosen.map(localKey)) : undefined;
  const owners = localOwners(state.bindings, keys);
  for (const b of chosen) {
    for (const { map, element } of bindingElements(b, owners.get(localKey(b)) === b.id)) t.maps.get(map)!.set(element.key, element);
  }
  for (const p of portTraffic(state.bindings, keys)) {
    if (p.chain) t.chains.set(p.chain.name, p.chain);
    for (const { map, element } of p.elements) t.maps.get(map)!.set(element.key, element);
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

/** The chains every non-empty table has: dispatch, the DNAT chains, masquerade (and the exposures'), forward. */
export function sharedChains(exposed: HostState['exposed']): NftChain[] {
  const postrouting: NftRule[] = [
    { text: `meta mark & ${hex(masqueradeBit)} == ${hex(masqueradeBit)} masquerade`, comment: tag.masquerade },
    ...exposed.map((e) => {
      const net = networkOf(e.cidr);
      return { text: `ip saddr ${net} ip daddr != ${net} masquerade`, comment: tag.expose(e.cidr) };
    }),
  ];
  return [
    ...dnatChains(),
    { name: 'prerouting', base: baseChains.prerouting, rules: dispatch.prerouting },
    { name: 'output', base: baseChains.output, rules: dispatch.output },
    { name: 'postrouting', base: baseChains.postrouting, rules: postrouting },
    { name: 'forward', base: baseChains.forward, rules: forwardRules },
  ];
}

/**
 * `want` with the counts `have` holds carried over, so a full sync (which rewrites the whole
 * table) does not zero them: an element's by map, key and owner; a rule's by chain, text and
 * owner. From a table of the earlier design, a binding's named counters (`b-<id>` connections,
 * `o-<id>`/`r-<id>` traffic) go to the element or rule that now counts the same thing. Mutates
 * and returns `want`.
 */
export function carryCounters(want: NftTable | null, have: NftTable | null): NftTable | null {
  if (!want || !have) return want;
  for (const [name, els] of want.maps) {
    const held = have.maps.get(name);
    for (const [key, e] of els) {
      const h = held?.get(key);
      if (h?.counter && h.comment === e.comment) e.counter = h.counter;
    }
  }
  for (const [name, c] of want.chains) {
    const held = have.chains.get(name)?.rules;
    if (!held) continue;
    const byLine = new Map(held.filter((r) => r.counter).map((r) => [`${r.comment} ${r.text}`, r.counter!]));
    c.rules = c.rules.map((r) => (byLine.has(`${r.comment} ${r.text}`) ? { ...r, counter: byLine.get(`${r.comment} ${r.text}`) } : r));
  }
  if (have.counterObjects?.size) carryNamedCounters(want, have.counterObjects);
  return want;
}

const frontMaps = new Set<string>([maps.importFronts.name, maps.exportFronts.name, maps.anyFronts.name]);

/** The earlier design's named counters, onto the elements and rules that count the same now. */
function carryNamedCounters(want: NftTable, named: Map<string, Count>): void {
  for (const [name, els] of want.maps) {
    const forward = /^forward_\w+_(original|reply)$/.exec(name);
    if (!forward && !frontMaps.has(name)) continue;
    for (const e of els.values()) {
      const id = e.comment.startsWith('switchyard:') ? e.comment.slice('switchyard:'.length) : '';
      const from = forward ? `${forward[1] === 'original' ? 'o' : 'r'}-${id}` : `b-${id}`;
      const c = named.get(from);
      if (c && !e.counter) e.counter = c;
    }
  }
  for (const c of want.chains.values()) {
    if (!c.name.startsWith('f-')) continue;
    c.rules = c.rules.map((r) => {
      const id = r.comment.slice('switchyard:'.length);
      const held = named.get(`${r.text.includes('ct direction reply') ? 'r' : 'o'}-${id}`);
      return held && !r.counter ? { ...r, counter: held } : r;
    });
  }
}
