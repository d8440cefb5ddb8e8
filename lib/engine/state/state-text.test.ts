import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { HostState } from '../model/binding';
import { FileStateStore } from './file-state-store';
import { parseHostState } from './state-schema';
import { sealedState, stateBytes } from './state-text';
import { binding, state } from './state.fixture';

const text = (s: HostState) => stateBytes(s).toString();

function failure(t: string): EngineError {
  try {
    parseHostState(Buffer.from(t), '/x/state.json');
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected the state file to be refused');
}

describe('the state file', () => {
  it('writes a sealed document that reads back equal, one binding per line', () => {
    const s = state(2500);
    const t = text(s);
    expect(parseHostState(Buffer.from(t), '/x/state.json')).toEqual(s);
    expect(sealedState(Buffer.from(t))).toEqual(s);
    const lines = t.split('\n');
    expect(lines[0]).toMatch(/^\{"version":1,"backend":"nft","seal":"[0-9a-f]{64}",$/);
    expect(lines[1]).toBe('"bindings": [');
    expect(lines.filter((l) => l.startsWith('{"id":"b-'))).toHaveLength(2500);
    expect(JSON.parse(t).seal).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hands out a sealed file\'s entries frozen, so none can drift from the line it will be written back as', () => {
    const read = sealedState(stateBytes(state(3)))!;
    const b = read.bindings[1];
    expect([b, b.front, b.target].every(Object.isFrozen)).toBe(true);
    expect(() => {
      (b.target as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('writes empty lists and a state without a backend', () => {
    const s: HostState = { version: 1, bindings: [], exposed: [] };
    expect(parseHostState(stateBytes(s), '/x/state.json')).toEqual(s);
    expect(sealedState(stateBytes(s))).toEqual(s);
  });

  it('a hand edit breaks the seal, so the whole file is validated and the bad field named', () => {
    const t = text(state(4)).replace('"port":4422}', '"port":70000}');
    expect(sealedState(Buffer.from(t))).toBeUndefined();
    const e = failure(t);
    expect(e.code).toBe('host-failure');
    expect(e.field).toBe('bindings[0].target.port');
    expect(e.message).toMatch(/^state\.json: bindings\[0\]\.target\.port.*Fix it in \/x\/state\.json/);
  });

  it('an edit to the head line or a forged seal is validated in full too', () => {
    const t = text(state(2));
    expect(failure(t.replace('"backend":"nft"', '"backend":"pf"')).field).toBe('backend');
    const forged = t.replace(/"seal":"[0-9a-f]{64}"/, `"seal":"${'0'.repeat(64)}"`).replace('"id":"b-1"', '"id":"b-0"');
    expect(failure(forged).message).toMatch(/^state\.json: bindings\[1\]\.id: "b-0" appears twice/);
  });

  it('an edited file that is still valid reads back as edited, unsealed or without a seal', () => {
    const t = text(state(2)).replace('"revision":1}', '"revision":7}');
    expect(parseHostState(Buffer.from(t), '/x/state.json').bindings[0].revision).toBe(7);
    const unsealed = t.replace(/"seal":"[0-9a-f]{64}",/, '');
    expect(parseHostState(Buffer.from(unsealed), '/x/state.json').bindings[0].revision).toBe(7);
  });

  it('a change rewrites the unchanged entries byte for byte from the lines they were read from', () => {
    // A line Switchyard would not write itself (spaced), sealed as if it had: reading keeps each
    // entry's line, and a change to another entry writes that line back untouched.
    const spaced = stateBytes(state(3)).toString().replace('{"id":"b-2",', '{"id": "b-2", ');
    const read = parseHostState(reseal(spaced), '/x/state.json');
    const next: HostState = { ...read, bindings: read.bindings.map((b) => (b.id === 'b-0' ? { ...b, revision: 2 } : b)) };
    const lines = stateBytes(next).toString().split('\n');
    expect(lines[2]).toBe(JSON.stringify({ ...binding(0), revision: 2 }) + ',');
    expect(lines[3]).toBe(JSON.stringify(binding(1)) + ',');
    expect(lines[4]).toBe(spaced.split('\n')[4]);
    expect(lines[4]).toMatch(/^\{"id": "b-2", "kind"/);
  });
});

/** `text` with its seal made to hold again, as Switchyard computes it. */
function reseal(text: string): Buffer {
  const bytes = Buffer.from(text);
  const at = bytes.indexOf('"seal":"') + '"seal":"'.length;
  const seal = createHash('sha256').update('switchyard-state-1\n').update(bytes.subarray(0, at)).update(bytes.subarray(at + 64)).digest('hex');
  bytes.write(seal, at, 'latin1');
  expect(sealedState(bytes)).toBeDefined();
  return bytes;
}

describe('FileStateStore', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a crash between writing the temp file and renaming it leaves the old state', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sys8s-'));
    const store = new FileStateStore(dir);
    const old = state(3);
    await store.write(old);
    // What a process killed before its rename leaves: a complete temp file beside the old state.
    await writeFile(join(dir, 'state.json.4242.tmp'), stateBytes(state(5)));
    expect(await store.read()).toEqual(old);
    const next = await store.read();
    next.bindings = next.bindings.slice(1);
    await store.write(next);
    expect((await store.read()).bindings.map((b) => b.id)).toEqual(['b-1', 'b-2']);
    expect((await readFile(join(dir, 'state.json'), 'utf8')).split('\n')[2]).toBe(JSON.stringify(binding(1)) + ',');
  });
});
