import { createSha256 } from '../sha256';
import type { Binding, Exposure, HostState } from '../model/binding';

/**
 * The state file's bytes: the document's own fields and a seal on the first line, then one binding
 * and one exposure per line. Plain JSON that a person can edit line by line. The seal is a sha256
 * of the whole file (with the seal's own value left out): a file exactly as Switchyard wrote it is
 * trusted without validating every entry again, while any edit breaks the seal, so the file is then
 * validated as strictly as operator input. Entries read from a sealed file remember their line and
 * are frozen (so they cannot drift from it), so a change rewrites unchanged entries byte for byte
 * instead of serializing them again.
 */

/** Bumped whenever the stored shape or its validation changes, so older seals are checked afresh. */
const sealDomain = 'switchyard-state-1\n';
const sealKey = Buffer.from('"seal":"');
const sealLength = 64;
const newline = Buffer.from('\n');
const nextLine = Buffer.from(',\n');

/** The line each entry of a sealed file was read from (a view into that file's bytes), by the frozen entry. */
const entryLines = new WeakMap<object, Buffer>();

const entryLine = (entry: object): Buffer => entryLines.get(entry) ?? Buffer.from(JSON.stringify(entry));

/** Freeze an entry and what it holds: a change makes a new entry, written afresh, never an edit of this one. */
function freezeEntry(entry: object): object {
  for (const part of Object.values(entry)) if (typeof part === 'object' && part !== null) Object.freeze(part);
  return Object.freeze(entry);
}

/** The state file's bytes, sealed. */
export function stateBytes(state: HostState): Buffer {
  const head = { version: state.version, ...(state.backend ? { backend: state.backend } : {}) };
  const before = Buffer.from(`${JSON.stringify(head).slice(0, -1)},${sealKey}`);
  const parts = [before, Buffer.alloc(sealLength), Buffer.from('",\n"bindings": [')];
  addLines(parts, state.bindings);
  parts.push(Buffer.from('],\n"exposed": ['));
  addLines(parts, state.exposed);
  parts.push(Buffer.from(']}\n'));
  const bytes = Buffer.concat(parts);
  bytes.write(sealOf(bytes, before.length), before.length, 'latin1');
  return bytes;
}

function addLines(parts: Buffer[], entries: readonly object[]): void {
  entries.forEach((e, i) => parts.push(i === 0 ? newline : nextLine, entryLine(e)));
  if (entries.length > 0) parts.push(newline);
}

/** The seal of a file's bytes whose seal value starts at `at`. */
function sealOf(bytes: Buffer, at: number): string {
  return createSha256().update(sealDomain).update(bytes.subarray(0, at)).update(bytes.subarray(at + sealLength)).digest('hex');
}

/** Where a sealed file's seal value starts, or -1 when its seal is missing or does not hold. */
function sealAt(bytes: Buffer): number {
  const headEnd = bytes.indexOf(0x0a);
  const key = headEnd < 0 ? -1 : bytes.lastIndexOf(sealKey, headEnd);
  if (key < 0) return -1;
  const at = key + sealKey.length;
  return bytes[at + sealLength] === 0x22 && bytes.toString('latin1', at, at + sealLength) === sealOf(bytes, at) ? at : -1;
}

/**
 * The state in a file exactly as Switchyard wrote it, its entries remembering their lines; undefined
 * when the seal is missing or does not hold (the file must then be validated in full).
 */
export function sealedState(bytes: Buffer): HostState | undefined {
  if (sealAt(bytes) < 0) return undefined;
  const headEnd = bytes.indexOf(0x0a);
  const doc = JSON.parse(bytes.toString('utf8')) as HostState;
  const state: HostState = { version: 1, ...(doc.backend ? { backend: doc.backend } : {}), bindings: doc.bindings, exposed: doc.exposed };
  const entries: object[] = [...state.bindings, ...state.exposed];
  const lines: Buffer[] = [];
  for (let start = headEnd + 1; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (bytes[start] === 0x7b) lines.push(bytes.subarray(start, bytes[stop - 1] === 0x2c ? stop - 1 : stop));
    start = stop + 1;
  }
  if (lines.length !== entries.length) return undefined;
  entries.forEach((e, i) => entryLines.set(freezeEntry(e), lines[i]));
  return state;
}

/** The seal value a state file's text names (sealed or not), if it names one: what a journal record is written against. */
export function namedSeal(bytes: Buffer): string | undefined {
  const m = /"seal"\s*:\s*"([0-9a-f]{64})"/.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 4096)));
  return m?.[1];
}

/**
 * A sealed file read without parsing its entries: the few a change asks about are found by their
 * bytes and parsed alone. The file is exactly what `stateBytes` wrote (its seal holds), so each
 * binding is one line of `JSON.stringify` output, where `"id":"…"` and `"port":N` appear only as
 * those keys (quotes inside strings are escaped); a line found that way is parsed and checked.
 */
export interface SealedSnapshot {
  /** The seal value: what journal records written against this file name. */
  seal: string;
  backend?: HostState['backend'];
  exposed: Exposure[];
  /** The binding with this id, or undefined. */
  binding(id: string): Binding | undefined;
  /** The bindings whose front has this protocol and port. */
  atFront(proto: string, port: number): Binding[];
}

const bindingsKey = Buffer.from('\n"bindings": [');
const exposedKey = Buffer.from('\n"exposed": [');

/** A sealed file as a `SealedSnapshot`; undefined when its seal is missing or does not hold. */
export function sealedSnapshot(bytes: Buffer): SealedSnapshot | undefined {
  const at = sealAt(bytes);
  if (at < 0) return undefined;
  const head = JSON.parse(`${bytes.toString('utf8', 0, at - sealKey.length - 1)}}`) as Pick<HostState, 'backend'>;
  const from = bytes.indexOf(bindingsKey) + bindingsKey.length;
  const to = bytes.lastIndexOf(exposedKey);
  const exposed = JSON.parse(bytes.toString('utf8', to + exposedKey.length - 1, bytes.lastIndexOf(0x5d) + 1)) as Exposure[];
  /** The parsed lines holding `needle` as a key and its whole value (at most one per line). */
  const linesWith = (needle: string, ends: string): Binding[] => {
    const found: Binding[] = [];
    let hit = bytes.indexOf(needle, from);
    while (hit >= 0 && hit < to) {
      if (!ends.includes(String.fromCharCode(bytes[hit + needle.length]))) {
        hit = bytes.indexOf(needle, hit + 1);
        continue;
      }
      const stop = bytes.indexOf(0x0a, hit);
      const line = bytes.subarray(bytes.lastIndexOf(0x0a, hit) + 1, bytes[stop - 1] === 0x2c ? stop - 1 : stop);
      const b = freezeEntry(JSON.parse(line.toString('utf8'))) as Binding;
      entryLines.set(b, line);
      found.push(b);
      hit = bytes.indexOf(needle, stop);
    }
    return found;
  };
  return {
    seal: bytes.toString('latin1', at, at + sealLength),
    ...(head.backend ? { backend: head.backend } : {}),
    exposed,
    binding: (id) => linesWith(`"id":${JSON.stringify(id)}`, ',}').find((b) => b.id === id),
    atFront: (proto, port) => linesWith(`"port":${port}`, ',}').filter((b) => b.front.port === port && b.proto === proto),
  };
}
