import { badInput } from '../errors';
import type { Binding, Exposure, Front } from './binding';
import { objectFields, parseCidr, parseHostName, parseId, parseIface, parseIPv4, parsePort, parseProto, parseTargetName } from './validate';

/**
 * A binding and an exposure as the state file stores them, checked field by field with the very
 * parsers that check an operator's input: a hand-edited file is held to the same rules.
 */

/** Validate one stored binding; `at` is its path in the file (`bindings[3]`). */
export function parseStoredBinding(raw: unknown, at: string): Binding {
  const b = objectFields(at, raw, ['id', 'kind', 'proto', 'front', 'target', 'masquerade', 'revision']);
  if (b.kind !== 'export' && b.kind !== 'import') throw badInput(`${at}.kind`, 'must be export or import');
  const kind = b.kind;
  const f = objectFields(`${at}.front`, b.front, kind === 'export' ? ['port', 'iface'] : ['port', 'address']);
  const front: Front = { port: parsePort(`${at}.front.port`, f.port) };
  if (kind === 'export' && f.iface !== undefined) front.iface = parseIface(`${at}.front.iface`, f.iface);
  if (kind === 'import') front.address = parseIPv4(`${at}.front.address`, f.address);
  const t = objectFields(`${at}.target`, b.target, ['name', 'address', 'port']);
  if (typeof b.masquerade !== 'boolean') throw badInput(`${at}.masquerade`, 'must be true or false');
  if (typeof b.revision !== 'number' || !Number.isInteger(b.revision) || b.revision < 1 || b.revision > 1e9) {
    throw badInput(`${at}.revision`, 'must be a whole number from 1');
  }
  return {
    id: parseId(`${at}.id`, b.id),
    kind,
    proto: parseProto(`${at}.proto`, b.proto),
    front,
    target: { name: parseTargetName(`${at}.target.name`, t.name), address: parseIPv4(`${at}.target.address`, t.address), port: parsePort(`${at}.target.port`, t.port) },
    masquerade: b.masquerade,
    revision: b.revision,
  };
}

/** Validate one stored exposure; `at` is its path in the file (`exposed[0]`). */
export function parseStoredExposure(raw: unknown, at: string): Exposure {
  const e = objectFields(at, raw, ['cidr', 'bridge', 'name', 'preexisting']);
  if (e.preexisting !== undefined && e.preexisting !== true) throw badInput(`${at}.preexisting`, 'must be true or absent');
  return {
    cidr: parseCidr(`${at}.cidr`, e.cidr),
    bridge: parseIface(`${at}.bridge`, e.bridge),
    ...(e.name !== undefined ? { name: parseHostName(`${at}.name`, e.name) } : {}),
    ...(e.preexisting ? { preexisting: true as const } : {}),
  };
}
