import { createHash } from 'node:crypto';
import type { HostState } from '../model/binding';

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
  return createHash('sha256').update(sealDomain).update(bytes.subarray(0, at)).update(bytes.subarray(at + sealLength)).digest('hex');
}

/**
 * The state in a file exactly as Switchyard wrote it, its entries remembering their lines; undefined
 * when the seal is missing or does not hold (the file must then be validated in full).
 */
export function sealedState(bytes: Buffer): HostState | undefined {
  const headEnd = bytes.indexOf(0x0a);
  const key = headEnd < 0 ? -1 : bytes.lastIndexOf(sealKey, headEnd);
  if (key < 0) return undefined;
  const at = key + sealKey.length;
  if (bytes[at + sealLength] !== 0x22 || bytes.toString('latin1', at, at + sealLength) !== sealOf(bytes, at)) return undefined;
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
