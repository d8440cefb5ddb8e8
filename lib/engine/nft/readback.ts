import type { Binding } from '../model/binding';
import type { BindingReport, KernelState, Traffic } from '../model/report';
import { builtOnRead } from '../model/built-on-read';
import { heldOf, type HeldElement, type HeldElements } from './held-elements';
import { bindingElements, localIndex, localIndexes, ownsLocalUse, portTraffic, sharedChains, type Count, type NftChain, type NftElement, type NftRule, type NftTable } from './model';
import { forwardMap, tag, type MapName } from './names';

const elementLine = (map: string, e: Pick<NftElement, 'key' | 'value'>) => `map ${map} { ${e.key} : ${e.value} }`;
const ruleLine = (chain: string, r: NftRule) => `chain ${chain}: ${r.text}`;

/** True when two tables hold the same elements, chains and rules (counter values aside). */
export function sameTable(a: NftTable | null, b: NftTable | null): boolean {
  if (!a || !b) return a === b;
  if ((a.counterObjects?.size ?? 0) !== (b.counterObjects?.size ?? 0)) return false;
  if (a.maps.size !== b.maps.size) return false;
  for (const [name, els] of a.maps) {
    const other = b.maps.get(name);
    if (!other || other.size !== els.size) return false;
    for (const [k, e] of els) {
      const o = other.get(k);
      if (!o || o.value !== e.value || o.comment !== e.comment) return false;
    }
  }
  if (a.chains.size !== b.chains.size) return false;
  for (const [name, c] of a.chains) {
    const o = b.chains.get(name);
    if (!o || !o.base !== !c.base || o.rules.length !== c.rules.length) return false;
    if (c.rules.some((r, i) => r.text !== o.rules[i].text || r.comment !== o.rules[i].comment)) return false;
  }
  return true;
}

/** The traffic rules the kernel holds in the shared-port chains, grouped by comment with their chain, in order. */
export function trafficRulesByComment(have: NftTable | null): Map<string, { chain: string; rule: NftRule }[]> {
  const by = new Map<string, { chain: string; rule: NftRule }[]>();
  const chains: NftChain[] = have ? [...have.chains.values()].filter((c) => c.name.startsWith('f-')) : [];
  for (const c of chains) {
    for (const rule of c.rules) {
      const list = by.get(rule.comment);
      if (list) list.push({ chain: c.name, rule });
      else by.set(rule.comment, [{ chain: c.name, rule }]);
    }
  }
  return by;
}

/**
 * Shared rules a binding depends on that the kernel lacks: dispatch, forward, the DNAT chains its
 * elements lead to, and masquerade when it asks for it.
 */
function missingShared(have: NftTable, masquerade: boolean, dnat: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const c of sharedChains([])) {
    if (!c.base && !dnat.has(c.name)) continue;
    const rules = have.chains.get(c.name)?.rules ?? [];
    for (const r of c.rules) {
      if (r.comment === tag.masquerade && !masquerade) continue;
      if (!rules.some((x) => x.text === r.text && x.comment === r.comment)) missing.push(ruleLine(c.name, r));
    }
  }
  return missing;
}

const add = (a: Count, b: Count | undefined): Count => (b ? { packets: a.packets + b.packets, bytes: a.bytes + b.bytes } : a);
const zero: Count = { packets: 0, bytes: 0 };
const isFront = (map: MapName) => map.endsWith('_fronts');

/** The elements of a shared port's forward dispatch that a binding's traffic rules need, when the kernel lacks them. */
function missingPortDispatch(held: HeldElements | null, expected: { map: MapName; element: NftElement }[]): string[] {
  return expected
    .filter(({ element }) => element.comment === tag.forward)
    .filter(({ map, element }) => held?.dispatch.get(`${map} ${element.key}`) !== element.value)
    .map(({ map, element }) => elementLine(map, element));
}

/**
 * Compare what each binding should have with what the table holds: active (exactly its elements,
 * and its traffic rules where it shares a port), missing (none of its front or target elements),
 * drifted (anything else, or a shared rule it needs). Its counts come from the kernel: new
 * connections from its front elements, traffic from its forward elements (or rules, on a shared
 * port). Each report is built when it is read (see `builtOnRead`), so 10,000 reports are never all
 * held. `held`: the table's elements, when read back apart from the model.
 */
export function readBack(bindings: Binding[], have: NftTable | null, held: HeldElements | null = have && heldOf(have)): { reports: BindingReport[]; traffic: (i: number) => Traffic } {
  // Bindings by front protocol and port (`localIndex`, a number: no key string per binding), linked in
  // order through `samePort`; a port's traffic (elements, shared chain) is built when one of them is
  // compared. `localOwner`: the export with the smallest id on each port, the one that serves local use.
  const firstAtPort = new Int32Array(localIndexes).fill(-1);
  const localOwner = new Int32Array(localIndexes).fill(-1);
  const samePort = new Int32Array(bindings.length).fill(-1);
  const ids = new Map<string, number>();
  for (let i = bindings.length - 1; i >= 0; i--) {
    const b = bindings[i];
    const at = localIndex(b);
    samePort[i] = firstAtPort[at];
    firstAtPort[at] = i;
  }
  bindings.forEach((b, i) => {
    ids.set(b.id, i);
    const at = localIndex(b);
    if (ownsLocalUse(b, localOwner[at] < 0 ? undefined : bindings[localOwner[at]].id)) localOwner[at] = i;
  });
  const atPort = (b: Binding): Binding[] => {
    const group: Binding[] = [];
    for (let j = firstAtPort[localIndex(b)]; j >= 0; j = samePort[j]) group.push(bindings[j]);
    return group;
  };
  const { first, next } = held ? held.byBinding(ids, have?.maps.keys() ?? []) : { first: new Int32Array(bindings.length).fill(-1), next: new Int32Array(0) };
  const rulesHeld = trafficRulesByComment(have);
  const shared = new Map<string, string[]>();
  const sharedFor = (masquerade: boolean, dnat: Set<string>) => {
    const key = `${masquerade} ${[...dnat].sort().join(' ')}`;
    if (!shared.has(key)) shared.set(key, have ? missingShared(have, masquerade, dnat) : []);
    return shared.get(key)!;
  };
  const compare = (i: number) => {
    const b = bindings[i];
    const own = bindingElements(b, localOwner[localIndex(b)] === i);
    const [port] = portTraffic(atPort(b));
    const mine = tag.binding(b.id);
    const expected = [
      ...own.map((x) => elementLine(x.map, x.element)),
      ...port.elements.filter((x) => x.element.comment === mine).map((x) => elementLine(x.map, x.element)),
      ...(port.chain ? port.chain.rules.filter((r) => r.comment === mine).map((r) => ruleLine(port.chain!.name, r)) : []),
    ];
    const elements: HeldElement[] = [];
    for (let e = first[i]; e >= 0; e = next[e]) elements.push(held!.element(e));
    const counted = rulesHeld.get(mine) ?? [];
    const actual = [...elements.map((x) => elementLine(x.map, x)), ...counted.map((x) => ruleLine(x.chain, x.rule))];
    const pool = new Map<string, number>();
    for (const a of actual) pool.set(a, (pool.get(a) ?? 0) + 1);
    const missing = expected.filter((e) => {
      const n = pool.get(e) ?? 0;
      if (n > 0) pool.set(e, n - 1);
      return n === 0;
    });
    const unexpected = [...pool].flatMap(([line, n]) => Array<string>(n).fill(line));
    const dispatched = elements.filter((x) => !x.map.startsWith('forward_'));
    if (dispatched.length > 0) {
      const dnat = new Set(own.filter((x) => x.element.value.startsWith('goto ')).map((x) => x.element.value.slice('goto '.length)));
      missing.push(...sharedFor(b.masquerade, dnat), ...missingPortDispatch(held, port.elements));
    }
    const { connections, toTarget, fromTarget } = counts(b, elements, counted);
    const state: KernelState = dispatched.length === 0 ? 'missing' : missing.length === 0 && unexpected.length === 0 ? 'active' : 'drifted';
    return { state, connections, toTarget, fromTarget, actual, missing, unexpected };
  };
  const traffic = (i: number): Traffic => {
    const elements: Pick<HeldElement, 'map' | 'counter'>[] = [];
    for (let e = first[i]; e >= 0; e = next[e]) elements.push({ map: held!.mapOf(e), counter: held!.counterOf(e) });
    const c = counts(bindings[i], elements, rulesHeld.get(tag.binding(bindings[i].id)) ?? []);
    return { connections: c.connections.packets, toTarget: c.toTarget, fromTarget: c.fromTarget };
  };
  const reports = builtOnRead(bindings.length, (i) => {
    const c = compare(i);
    return {
      ...bindings[i],
      state: c.state,
      counters: c.connections,
      traffic: { connections: c.connections.packets, toTarget: c.toTarget, fromTarget: c.fromTarget },
      rules: c.actual,
      ...(c.state === 'drifted' ? { drift: { missing: c.missing, unexpected: c.unexpected } } : {}),
    };
  });
  return { reports, traffic };
}

/** A binding's counts: new connections from its front elements, traffic from its forward elements or, on a shared port, its rules. */
function counts(b: Binding, elements: Pick<HeldElement, 'map' | 'counter'>[], counted: { rule: NftRule }[]): { connections: Count; toTarget: Count; fromTarget: Count } {
  const connections = elements.filter((x) => isFront(x.map)).reduce((sum, x) => add(sum, x.counter), zero);
  const [toTarget, fromTarget] = (['original', 'reply'] as const).map((dir) => {
    const map = forwardMap(b.proto, dir);
    const inMap = elements.filter((x) => x.map === map).reduce((sum, x) => add(sum, x.counter), zero);
    return counted.filter((x) => x.rule.text.includes(`ct direction ${dir}`)).reduce((sum, x) => add(sum, x.rule.counter), inMap);
  });
  return { connections, toTarget, fromTarget };
}

/** {@link readBack}, every report built once and held. */
export const readBackTable = (bindings: Binding[], have: NftTable | null, held?: HeldElements | null): BindingReport[] => [...readBack(bindings, have, held).reports];
