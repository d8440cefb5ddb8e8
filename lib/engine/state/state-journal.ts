import { createSha256 } from '../sha256';
import { badInput, EngineError } from '../errors';
import type { Binding, HostState } from '../model/binding';
import { parseUntrustedJson } from '../model/untrusted-json';
import { objectFields } from '../model/validate';
import { parseStoredBinding } from '../model/validate-stored';

/**
 * The state journal (`state.journal` beside `state.json`): one line per change of one binding that
 * kept its id and front (a rebind), appended and fsynced instead of rewriting every binding. Each
 * record names the seal of the state file it was written against (`base`), the binding as it was
 * (`before`) and as it is (`after`), and checks itself with a sha256 (`check`). Reading applies the
 * records in order on top of the state file:
 * - records whose base is not the state file's seal are left over from before the file was
 *   rewritten (a crash between the rewrite and removing the journal): they are ignored;
 * - a last line without its newline is a record torn by a crash: ignored (and cut off before the
 *   next append);
 * - a record whose check does not hold was edited: it is validated as strictly as operator input;
 * - a record applies only while its binding is still exactly `before`, so a hand edit of the state
 *   file wins over the records written before it.
 */

/** Bumped whenever a record's shape or its validation changes, so older checks are validated afresh. */
const checkDomain = 'switchyard-journal-1\n';
const checkKey = Buffer.from('{"check":"');
const checkLength = 64;

/** One change of one binding, as the journal records it. */
export interface JournalRecord {
  base: string;
  before: Binding;
  after: Binding;
}

/** A journal as read: its records in order, and where the last whole line ends (a torn tail is cut there). */
export interface Journal {
  records: JournalRecord[];
  /** Bytes of whole lines; anything after is a torn record. */
  length: number;
  /** True when every record's check held (nothing needed validating). */
  trusted: boolean;
}

const checkOf = (rest: Buffer | string): string => createSha256().update(checkDomain).update(rest).digest('hex');

/** A record's line, newline included. */
export function journalLine(r: JournalRecord): Buffer {
  const rest = `","base":${JSON.stringify(r.base)},"before":${JSON.stringify(r.before)},"after":${JSON.stringify(r.after)}}`;
  return Buffer.from(`${checkKey}${checkOf(rest)}${rest}\n`);
}

/** Bindings of a record written by Switchyard are frozen, like a sealed file's entries. */
function frozen(b: Binding): Binding {
  Object.freeze(b.front);
  Object.freeze(b.target);
  return Object.freeze(b);
}

/** A line whose check holds: what Switchyard wrote, taken as it is. */
function checkedRecord(line: Buffer): JournalRecord | undefined {
  if (!line.subarray(0, checkKey.length).equals(checkKey)) return undefined;
  const rest = line.subarray(checkKey.length + checkLength);
  if (line.toString('latin1', checkKey.length, checkKey.length + checkLength) !== checkOf(rest)) return undefined;
  const r = JSON.parse(line.toString('utf8')) as JournalRecord;
  return { base: r.base, before: frozen(r.before), after: frozen(r.after) };
}

/** A line whose check does not hold (edited): validated as strictly as operator input. */
function validatedRecord(line: Buffer, at: string): JournalRecord {
  const r = objectFields(at, parseUntrustedJson(line.toString('utf8'), at), ['check', 'base', 'before', 'after']);
  if (typeof r.base !== 'string') throw badInput(`${at}.base`, 'must be the seal of the state file this record changes');
  const before = parseStoredBinding(r.before, `${at}.before`);
  const after = parseStoredBinding(r.after, `${at}.after`);
  if (!sameFront(before, after)) throw badInput(`${at}.after`, 'must keep the id, kind, protocol and front of before');
  return { base: r.base, before, after };
}

/** True when two versions of a binding share id, kind, protocol and front (what a record may not change). */
export const sameFront = (a: Binding, b: Binding): boolean =>
  a.id === b.id && a.kind === b.kind && a.proto === b.proto && a.front.port === b.front.port && a.front.iface === b.front.iface && a.front.address === b.front.address;

/**
 * Read a journal's bytes. Records are numbered from 0 in errors (`records[2].after.target.port`).
 * Throws EngineError('bad-input') for the first bad field of an edited record.
 */
export function parseJournal(bytes: Buffer): Journal {
  const records: JournalRecord[] = [];
  let trusted = true;
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end >= 0; start = end + 1, end = bytes.indexOf(0x0a, start)) {
    const line = bytes.subarray(start, end);
    if (line.length === 0) continue;
    const checked = checkedRecord(line);
    if (!checked) trusted = false;
    records.push(checked ?? validatedRecord(line, `records[${records.length}]`));
  }
  return { records, length: start, trusted };
}

/** The records that change the state file sealed with `seal` (none when the journal is left over from another). */
export const recordsFor = (j: Journal, seal: string | undefined): JournalRecord[] =>
  seal !== undefined && j.records.length > 0 && j.records.every((r) => r.base === seal) ? j.records : [];

/** A binding as JSON with its keys in one order, so equal bindings compare equal whoever built them. */
function canonical(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  return `{${Object.keys(v)
    .sort()
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/**
 * The state with the records applied in order: each replaces its binding while that binding is
 * still exactly its `before` (with its front, as a record keeps it); a record that does not apply
 * (its binding was edited or removed by hand since) is skipped.
 */
export function applyRecords(state: HostState, records: readonly JournalRecord[]): HostState {
  if (records.length === 0) return state;
  const at = new Map(state.bindings.map((b, i) => [b.id, i]));
  const bindings = [...state.bindings];
  for (const r of records) {
    const i = at.get(r.after.id);
    if (i === undefined || !sameFront(r.before, r.after) || canonical(bindings[i]) !== canonical(r.before)) continue;
    bindings[i] = r.after;
  }
  return { ...state, bindings };
}

/** Wrap a journal's validation error like the state file's: naming the file and how to fix it. */
export function journalError(e: EngineError, file: string): EngineError {
  return new EngineError('host-failure', `${file.split('/').pop()}: ${e.message}. Fix that line in ${file} (or remove it), then run \`switchyard restore\``, {
    field: e.field,
    cause: e,
  });
}
