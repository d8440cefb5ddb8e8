import { EngineError } from '../errors';
import type { Listener } from '../host/listeners';
import { describeFront, type Binding } from '../model/binding';
import { broadcastOf, inCidr, specialAddress } from '../model/ipv4';
import type { Change, ForeignRule, HostFacts } from '../model/report';
import { frontCatches } from './conflicts';

/**
 * Safety rails: pure checks over facts (the host's addresses and listeners) and the backend's
 * list of foreign DNAT rules, so every backend gets them the same way.
 */

/** What the operator allowed past the rails. */
export interface RailOptions {
  /** `--allow-local-target`: a target may be loopback, unspecified, broadcast, multicast or this host. */
  allowLocalTarget: boolean;
  /** `--force`: a front may take a port the host listens on, or shadow a foreign DNAT rule. */
  force: boolean;
}

/** Why `address` is no target for a DNAT on this host, or null when it is fine. */
export function localTargetReason(address: string, facts: HostFacts): string | null {
  const special = specialAddress(address);
  if (special) return special;
  for (const i of facts.interfaces) {
    for (const cidr of i.addresses) {
      if (cidr.split('/')[0] === address) return `an address of this host (${i.name})`;
      if (Number(cidr.split('/')[1]) <= 30 && broadcastOf(cidr) === address) return `the broadcast address of ${i.name}'s subnet`;
    }
  }
  return null;
}

/** Refuse (exit 2) a target that is loopback, unspecified, broadcast, multicast or this host's own address. */
export function checkTarget(b: Binding, facts: HostFacts, field = 'to'): void {
  const why = localTargetReason(b.target.address, facts);
  if (!why) return;
  const named = b.target.name !== b.target.address ? `${b.target.name} (${b.target.address})` : b.target.address;
  throw new EngineError('bad-input', `${field}: ${named} (binding "${b.id}") is ${why}; a binding's target must be another machine. Pass --allow-local-target if you mean it`, {
    field,
  });
}

/** True when a listener's socket receives what `b`'s front catches (a DNAT there would take its traffic). */
export function listenerUnderFront(b: Binding, l: Listener, facts: HostFacts): boolean {
  if (l.proto !== b.proto || l.port !== b.front.port) return false;
  if (l.address === '0.0.0.0' || l.address === '*' || l.address === '[::]') return true;
  return frontCatches(b, l.proto, l.address, l.port, facts);
}

/** True when `b`'s front catches packets a foreign DNAT rule would otherwise have caught (Switchyard's rules come first). */
export function shadowsForeign(b: Binding, f: ForeignRule, facts: HostFacts): boolean {
  const m = f.match;
  if (!m) return false;
  if (m.proto !== undefined && m.proto !== b.proto) return false;
  if (m.port !== undefined && m.port !== b.front.port) return false;
  if (m.iface !== undefined && b.kind === 'export' && b.front.iface && b.front.iface !== m.iface) return false;
  if (m.destination === undefined) return true;
  if (b.kind === 'import') return inCidr(b.front.address!, m.destination);
  const caught = facts.interfaces.filter((i) => !b.front.iface || i.name === b.front.iface).flatMap((i) => i.addresses.map((a) => a.split('/')[0]));
  return caught.some((a) => !a.startsWith('127.') && inCidr(a, m.destination!));
}

/** Refuse (exit 3) a front on a port the host listens on, or one that shadows another tool's DNAT rule. */
export function checkFront(b: Binding, facts: HostFacts, listeners: readonly Listener[], foreign: readonly ForeignRule[]): void {
  const field = b.kind === 'import' ? 'on' : 'port';
  const front = `${describeFront(b)}/${b.proto}`;
  const l = listeners.find((x) => listenerUnderFront(b, x, facts));
  if (l) {
    const who = l.process ? `${l.process} listens` : 'a program listens';
    throw new EngineError('conflict', `${field}: ${who} on ${l.address}:${l.port}/${l.proto} on ${facts.hostname}; front ${front} would take its connections. Choose another port, or pass --force`, {
      field,
    });
  }
  const f = foreign.find((x) => shadowsForeign(b, x, facts));
  if (f) {
    throw new EngineError(
      'conflict',
      `${field}: front ${front} would shadow another tool's DNAT rule in ${f.chain} (Switchyard's rules come first): ${f.rule}. Remove or adopt that rule, choose another port, or pass --force`,
      { field },
    );
  }
}

/** The bindings a set of changes gives a new front (adds, and updates that moved the front). */
export function newFronts(changes: readonly Change[]): Binding[] {
  return changes
    .filter((c) => c.after && (!c.before || describeFront(c.before) !== describeFront(c.after) || c.before.proto !== c.after.proto || c.before.kind !== c.after.kind))
    .map((c) => c.after!);
}

/** The bindings a set of changes gives a new target (adds, rebinds, updates that moved the target). */
export function newTargets(changes: readonly Change[]): Binding[] {
  return changes
    .filter((c) => c.after && (!c.before || c.before.target.address !== c.after.target.address))
    .map((c) => c.after!);
}
