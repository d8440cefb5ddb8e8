import { EngineError } from '../errors';
import { describeFront, type Binding } from '../model/binding';
import type { HostFacts } from '../model/report';

const addressesOf = (facts: HostFacts, iface?: string): string[] =>
  facts.interfaces.filter((i) => !iface || i.name === iface).flatMap((i) => i.addresses.map((a) => a.split('/')[0]));

/** True when traffic to `address:port` would enter binding `b` on this host. */
export function frontCatches(b: Binding, proto: string, address: string, port: number, facts: HostFacts): boolean {
  if (b.proto !== proto || b.front.port !== port) return false;
  if (b.kind === 'import') return b.front.address === address;
  return addressesOf(facts, b.front.iface).includes(address) && !address.startsWith('127.');
}

/** True when two bindings' fronts would catch the same packets. */
function frontsOverlap(a: Binding, b: Binding, facts: HostFacts): boolean {
  if (a.proto !== b.proto || a.front.port !== b.front.port) return false;
  if (a.kind === 'import' && b.kind === 'import') return a.front.address === b.front.address;
  if (a.kind === 'export' && b.kind === 'export') return !a.front.iface || !b.front.iface || a.front.iface === b.front.iface;
  const [imp, exp] = a.kind === 'import' ? [a, b] : [b, a];
  return frontCatches(exp, imp.proto, imp.front.address!, imp.front.port, facts);
}

/** The bindings whose front has this protocol and port: only those can catch the same packets. */
export type FrontLookup = (proto: string, port: number) => readonly Binding[];

const frontKey = (proto: string, port: number) => `${proto}/${port}`;

/** Index bindings by protocol and front port, for checking many new bindings against them. */
export function frontIndex(bindings: readonly Binding[]): FrontLookup {
  const index = new Map<string, Binding[]>();
  for (const b of bindings) {
    const k = frontKey(b.proto, b.front.port);
    const group = index.get(k);
    if (group) group.push(b);
    else index.set(k, [b]);
  }
  return (proto, port) => index.get(frontKey(proto, port)) ?? [];
}

/**
 * Refuse a binding that would clash with the others on this host (`others`, indexed; a binding
 * with b's id stands for b's old version): a front already bound, or a target that leads back
 * to its own front (directly or through the host's other bindings).
 */
export function checkConflicts(b: Binding, others: FrontLookup, facts: HostFacts): void {
  const near = (proto: string, port: number) => {
    const group = others(proto, port).filter((o) => o.id !== b.id);
    return b.proto === proto && b.front.port === port ? [...group, b] : group;
  };
  const clash = near(b.proto, b.front.port).find((o) => o !== b && frontsOverlap(o, b, facts));
  if (clash) {
    throw new EngineError('conflict', `front ${describeFront(b)}/${b.proto} is already bound by "${clash.id}"`, { field: b.kind === 'import' ? 'on' : 'port' });
  }
  let cur = b;
  const seen = new Set<string>();
  for (;;) {
    const next = near(cur.proto, cur.target.port).find((o) => frontCatches(o, cur.proto, cur.target.address, cur.target.port, facts));
    if (!next || seen.has(next.id)) return;
    if (next.id === b.id) {
      throw new EngineError('conflict', `target ${cur.target.address}:${cur.target.port} leads back to the front of "${b.id}" (${describeFront(b)}): a loop`, { field: 'to' });
    }
    seen.add(next.id);
    cur = next;
  }
}

/** Refuse fronts the host cannot have: an unknown interface, an import on an address the host does not hold. */
export function checkFrontExists(b: Binding, facts: HostFacts): void {
  if (b.kind === 'export' && b.front.iface && !facts.interfaces.some((i) => i.name === b.front.iface)) {
    throw new EngineError('bad-input', `in: there is no interface "${b.front.iface}" on ${facts.hostname}`, { field: 'in' });
  }
  if (b.kind === 'import' && !addressesOf(facts).includes(b.front.address!)) {
    const held = addressesOf(facts).filter((a) => !a.startsWith('127.')).join(', ') || 'none';
    throw new EngineError('bad-input', `on: ${b.front.address} is not an address of ${facts.hostname} (it holds ${held}); expose it first`, { field: 'on' });
  }
}
