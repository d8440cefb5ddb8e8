import { badInput } from '../errors';
import type { BindingKind, BindingSpec, Proto } from './binding';
import { parseUntrustedJson, showValue } from './untrusted-json';

/** Ids reserved for Switchyard's shared rules (their comment tags would be ambiguous). */
const reservedIds = new Set(['hook', 'masquerade', 'forward', 'expose']);

const idRe = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ifaceRe = /^[A-Za-z0-9_.-]{1,15}$/;
const hostNameRe = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;

// One compiled pattern (state files hold tens of thousands of addresses): each part 0–255, no leading zero.
const octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4Re = new RegExp(`^${octet}(?:\\.${octet}){3}$`);

/** True for a dotted-quad IPv4 address without leading zeros. */
export function isIPv4(s: string): boolean {
  return ipv4Re.test(s);
}

/** Parse a port given as text or number: an integer 1–65535. */
export function parsePort(field: string, v: unknown): number {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !/^[1-9][0-9]{0,4}$/.test(s) || Number(s) > 65535) {
    throw badInput(field, `must be a port number from 1 to 65535, got ${showValue(v)}`);
  }
  return Number(s);
}

/** Parse an IPv4 address. */
export function parseIPv4(field: string, v: unknown): string {
  if (typeof v !== 'string' || !isIPv4(v)) throw badInput(field, `must be an IPv4 address like 10.2.1.3, got ${showValue(v)}`);
  return v;
}

/** Parse an interface name (`^[A-Za-z0-9_.-]{1,15}$`). */
export function parseIface(field: string, v: unknown): string {
  if (typeof v !== 'string' || !ifaceRe.test(v) || v === '.' || v === '..') {
    throw badInput(field, `must be an interface name (1–15 letters, digits, "_", "." or "-"), got ${showValue(v)}`);
  }
  return v;
}

/** True for a string that can be a binding id (also how read-back tells binding tags from shared ones). */
export const isBindingId = (v: string): boolean => idRe.test(v) && !reservedIds.has(v);

/** The id a binding gets when none is given: kind, front and port, e.g. `export-eth0-2211`, `import-10-2-1-3-3322`. */
export function defaultBindingId(kind: BindingKind, front: string | undefined, port: number | string): string {
  return `${kind}-${(front ?? 'any').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${port}`;
}

/** Parse a binding id (`^[a-z0-9][a-z0-9-]{0,62}$`, not a reserved word). */
export function parseId(field: string, v: unknown): string {
  if (typeof v !== 'string' || !idRe.test(v)) {
    throw badInput(field, `must be 1–63 lowercase letters, digits or "-", starting with a letter or digit, got ${showValue(v)}`);
  }
  if (reservedIds.has(v)) throw badInput(field, `"${v}" is reserved for Switchyard's own rules`);
  return v;
}

/** Parse a protocol: tcp or udp. */
export function parseProto(field: string, v: unknown): Proto {
  if (v !== 'tcp' && v !== 'udp') throw badInput(field, `must be tcp or udp, got ${showValue(v)}`);
  return v;
}

/** Parse `NAME_OR_IP:PORT`; a name must be a DNS name (letters, digits, "-", "."). */
export function parseTarget(field: string, v: unknown): { name: string; port: number } {
  if (typeof v !== 'string') throw badInput(field, 'must be TARGET:PORT');
  const i = v.lastIndexOf(':');
  if (i <= 0) throw badInput(field, `must be TARGET:PORT (like a1:4422 or 192.168.1.3:2211), got ${showValue(v)}`);
  const port = parsePort(field, v.slice(i + 1));
  return { name: parseTargetName(field, v.slice(0, i)), port };
}

/** Parse a target's name: an IPv4 address or a DNS name (letters, digits, "-", "."). */
export function parseTargetName(field: string, name: unknown): string {
  const ok = typeof name === 'string' && (/^[0-9.]+$/.test(name) ? isIPv4(name) : hostNameRe.test(name));
  if (!ok) throw badInput(field, `${showValue(name)} is neither an IPv4 address nor a host name`);
  return name as string;
}

/** The fields of a JSON object, refusing a non-object and any field not in `known`. */
export function objectFields(field: string, v: unknown, known: readonly string[]): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw badInput(field, `must be an object, got ${showValue(v)}`);
  const extra = Object.keys(v).find((k) => !known.includes(k));
  if (extra !== undefined) throw badInput(`${field ? field + '.' : ''}${extra}`, `is not a known field (known: ${known.join(', ')})`);
  return v as Record<string, unknown>;
}

/** Parse `A.B.C.D/N` (N 1–32). */
export function parseCidr(field: string, v: unknown): string {
  const m = typeof v === 'string' ? /^([0-9.]+)\/([0-9]{1,2})$/.exec(v) : null;
  if (!m || !isIPv4(m[1]) || Number(m[2]) < 1 || Number(m[2]) > 32 || !/^[1-9][0-9]?$/.test(m[2])) {
    throw badInput(field, `must be an address with prefix length like 10.2.1.3/16, got ${showValue(v)}`);
  }
  return v as string;
}

/** Parse a DNS name (for `expose --name`). */
export function parseHostName(field: string, v: unknown): string {
  if (typeof v !== 'string' || !hostNameRe.test(v) || /^[0-9.]+$/.test(v)) throw badInput(field, `must be a DNS name, got ${showValue(v)}`);
  return v;
}

/** Validate a binding spec as an operator or a file states it; field names are the CLI flags. */
export function parseBindingSpec(raw: {
  id?: unknown;
  kind: unknown;
  proto?: unknown;
  port?: unknown;
  in?: unknown;
  on?: unknown;
  to?: unknown;
  masquerade?: unknown;
}, prefix = ''): BindingSpec {
  const f = (name: string) => prefix + name;
  if (raw.kind !== 'export' && raw.kind !== 'import') throw badInput(f('kind'), 'must be export or import');
  const spec: BindingSpec = {
    id: parseId(f('id'), raw.id),
    kind: raw.kind,
    proto: parseProto(f('proto'), raw.proto ?? 'tcp'),
    port: parsePort(f('port'), raw.port),
    to: '',
    masquerade: true,
  };
  if (raw.kind === 'export') {
    if (raw.on !== undefined) throw badInput(f('on'), 'an export listens on an interface (--in), not on an exposed address');
    if (raw.in !== undefined) spec.in = parseIface(f('in'), raw.in);
  } else {
    if (raw.in !== undefined) throw badInput(f('in'), 'an import listens on an exposed address (--on), not on an interface');
    spec.on = parseIPv4(f('on'), raw.on);
  }
  const t = parseTarget(f('to'), raw.to);
  spec.to = `${t.name}:${t.port}`;
  if (raw.masquerade !== undefined) {
    if (typeof raw.masquerade !== 'boolean') throw badInput(f('masquerade'), 'must be true or false');
    spec.masquerade = raw.masquerade;
  }
  return spec;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The JSON document `plan --file` and `apply --file` take: `{"bindings": [ {…}, … ]}`. Checked by
 * hand, not with a schema library, so the CLI bundle stays small and starts fast.
 */
function bindingFileEntries(json: unknown): Record<string, unknown>[] | null {
  if (!isRecord(json) || !Array.isArray(json.bindings)) return null;
  return json.bindings.every(isRecord) ? json.bindings : null;
}

/** Parse the text of a bindings file into specs, naming the first bad field (`bindings[2].port`). */
export function parseBindingFile(text: string): BindingSpec[] {
  const json = parseUntrustedJson(text, 'file');
  const entries = bindingFileEntries(json);
  if (!entries) throw badInput('file', 'must be {"bindings": [ {id, kind, port, to, …}, … ]}');
  const specs = entries.map((b, i) => {
    const known = ['id', 'kind', 'proto', 'port', 'in', 'on', 'to', 'masquerade'];
    const extra = Object.keys(b).find((k) => !known.includes(k));
    if (extra) throw badInput(`bindings[${i}].${extra}`, 'is not a binding field');
    return parseBindingSpec(b as Parameters<typeof parseBindingSpec>[0], `bindings[${i}].`);
  });
  const seen = new Set<string>();
  specs.forEach((s, i) => {
    if (seen.has(s.id)) throw badInput(`bindings[${i}].id`, `"${s.id}" appears twice`);
    seen.add(s.id);
  });
  return specs;
}
