import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { Binding } from '../model/binding';
import { FileStateStore, foldEvery } from './file-state-store';
import { MemoryStateStore } from './memory-state-store';
import { sealedSnapshot, stateBytes } from './state-text';
import { binding, state } from './state.fixture';

/** What a rebind does with a store: read the view, replace the binding with a new target. */
async function rebind(store: FileStateStore | MemoryStateStore, id: string, port: number): Promise<Binding> {
  const view = await store.view();
  const b = view.binding(id)!;
  const after = { ...b, target: { ...b.target, port }, revision: b.revision + 1 };
  await store.replace(view, after);
  return after;
}

function refusal(p: Promise<unknown>): Promise<EngineError> {
  return p.then(
    () => {
      throw new Error('expected the state to be refused');
    },
    (e: unknown) => {
      if (e instanceof EngineError) return e;
      throw e;
    },
  );
}

describe('a sealed state file read without parsing every binding', () => {
  it('finds a binding by id and the bindings on a front, telling front ports from target ports and longer numbers', () => {
    const s = state(30);
    s.bindings.push(binding(100, { id: 'same-port', front: { port: 10003, iface: 'eth1' } }));
    s.bindings.push(binding(101, { id: 'udp', proto: 'udp', front: { port: 10003 } }));
    s.bindings.push(binding(102, { id: 'targets-there', target: { name: 'x', address: '10.78.0.12', port: 10003 } }));
    s.bindings.push(binding(103, { id: 'longer', front: { port: 100030, iface: 'eth0' } }));
    const snap = sealedSnapshot(stateBytes(s))!;
    expect(snap.backend).toBe('nft');
    expect(snap.exposed).toEqual(s.exposed);
    expect(snap.binding('b-7')).toEqual(binding(7));
    expect(snap.binding('b-')).toBeUndefined();
    expect(snap.binding('longer')?.front.port).toBe(100030);
    expect(snap.atFront('tcp', 10003).map((b) => b.id)).toEqual(['b-3', 'same-port']);
    expect(snap.atFront('udp', 10003).map((b) => b.id)).toEqual(['udp']);
    expect(snap.atFront('tcp', 4422)).toEqual([]);
    expect(Object.isFrozen(snap.binding('b-1'))).toBe(true);
  });

  it('reads an empty sealed file, and none from a file whose seal does not hold', () => {
    const snap = sealedSnapshot(stateBytes({ version: 1, bindings: [], exposed: [] }))!;
    expect([snap.backend, snap.exposed, snap.binding('x'), snap.atFront('tcp', 1)]).toEqual([undefined, [], undefined, []]);
    expect(sealedSnapshot(Buffer.from(stateBytes(state(3)).toString().replace('"port":4422}', '"port":4423}')))).toBeUndefined();
  });
});

describe('FileStateStore with its journal', () => {
  let dir = '';
  let store: FileStateStore;
  const stateFile = () => readFile(join(dir, 'state.json'), 'utf8');
  const journal = () => readFile(join(dir, 'state.journal'), 'utf8').catch(() => null);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sys8j-'));
    store = new FileStateStore(dir);
    await store.write(state(5));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a rebind appends one record and leaves the state file alone; every read (and another store) sees it', async () => {
    const before = await stateFile();
    const after = await rebind(store, 'b-2', 5002);
    expect(await stateFile()).toBe(before);
    const lines = (await journal())!.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[0])).toMatchObject({ check: expect.stringMatching(/^[0-9a-f]{64}$/), after });
    const expected = { ...state(5), bindings: state(5).bindings.map((b) => (b.id === 'b-2' ? after : b)) };
    const other = new FileStateStore(dir);
    expect(await other.read()).toEqual(expected);
    const view = await other.view();
    expect(view.binding('b-2')).toEqual(after);
    expect(view.atFront('tcp', 10002)).toEqual([after]);
    expect(await view.whole()).toEqual(expected);
  });

  it('records apply in order, and a full write folds them into the state file and removes the journal', async () => {
    await rebind(store, 'b-1', 1);
    await rebind(store, 'b-1', 2);
    const last = await rebind(store, 'b-3', 3);
    const s = await store.read();
    expect(s.bindings.map((b) => `${b.id}:${b.target.port}:${b.revision}`)).toEqual(['b-0:4422:1', 'b-1:2:3', 'b-2:4422:1', 'b-3:3:2', 'b-4:4422:1']);
    await store.write({ ...s, bindings: s.bindings.slice(1) });
    expect(await journal()).toBeNull();
    expect(JSON.parse(await stateFile()).bindings).toContainEqual(last);
    expect((await store.read()).bindings.map((b) => b.target.port)).toEqual([2, 4422, 3, 4422]);
  });

  it(`after ${foldEvery - 1} records, the next rebind rewrites the state file instead`, async () => {
    for (let i = 1; i < foldEvery; i++) await rebind(store, `b-${i % 5}`, i);
    expect((await journal())!.split('\n')).toHaveLength(foldEvery);
    const before = await store.read();
    await rebind(store, 'b-0', 9999);
    expect(await journal()).toBeNull();
    const folded = await store.read();
    expect(folded.bindings[0].target.port).toBe(9999);
    expect(folded.bindings.slice(1)).toEqual(before.bindings.slice(1));
    expect(sealedSnapshot(Buffer.from(await stateFile()))!.binding('b-0')!.target.port).toBe(9999);
  });

  it('a torn last record (a crash mid-append) is ignored, and cut off by the next append', async () => {
    const kept = await rebind(store, 'b-1', 1111);
    const whole = (await journal())!;
    const torn = whole.slice(0, 90);
    await appendFile(join(dir, 'state.journal'), torn);
    expect((await store.read()).bindings[1]).toEqual(kept);
    expect((await store.view()).binding('b-1')).toEqual(kept);
    const next = await rebind(store, 'b-2', 2222);
    const lines = (await journal())!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(whole.trimEnd());
    expect((await store.read()).bindings.slice(1, 3)).toEqual([kept, next]);
  });

  it('a journal left from before the state file was rewritten (a crash before removing it) is ignored, then replaced', async () => {
    const original = await store.read();
    await rebind(store, 'b-1', 1111);
    const stale = (await journal())!;
    // A rewrite that puts b-1 back exactly as the stale record's `before` has it: only the record's base tells.
    await store.write({ ...original, bindings: [...original.bindings, binding(9)] });
    await writeFile(join(dir, 'state.journal'), stale);
    const read = await store.read();
    expect(read.bindings).toEqual([...original.bindings, binding(9)]);
    expect((await store.view()).binding('b-1')).toEqual(binding(1));
    const next = await rebind(store, 'b-9', 9);
    expect((await journal())!.split('\n')).toHaveLength(2);
    expect((await store.read()).bindings).toEqual([...original.bindings, next]);
  });

  it('a rewrite that puts the state file back byte for byte empties the journal first, so its records do not apply again', async () => {
    const original = await store.read();
    await rebind(store, 'b-1', 1111);
    await store.write(original);
    expect(await journal()).toBeNull();
    expect(await store.read()).toEqual(original);
  });

  it('a hand-edited state file is validated in full; records apply to the bindings the edit left as they were', async () => {
    const moved = await rebind(store, 'b-1', 1111);
    await rebind(store, 'b-2', 2222);
    const edited = (await stateFile()).replace('"id":"b-2","kind":"export","proto":"tcp","front":{"port":10002,"iface":"eth0"},"target":{"name":"10.78.0.11","address":"10.78.0.11","port":4422}', '"id":"b-2","kind":"export","proto":"tcp","front":{"port":10002,"iface":"eth0"},"target":{"name":"10.78.0.13","address":"10.78.0.13","port":4422}');
    expect(edited).not.toBe(await stateFile());
    await writeFile(join(dir, 'state.json'), edited);
    const read = await store.read();
    expect(read.bindings[1]).toEqual(moved);
    expect(read.bindings[2].target).toEqual({ name: '10.78.0.13', address: '10.78.0.13', port: 4422 });
    const view = await store.view();
    expect(view.binding('b-1')).toEqual(moved);
    expect(view.binding('b-2')!.target.address).toBe('10.78.0.13');
    // The next change rewrites (and seals) the edited file, with the journal folded in.
    await rebind(store, 'b-3', 3333);
    expect(await journal()).toBeNull();
    expect((await store.read()).bindings.map((b) => b.target.port)).toEqual([4422, 1111, 4422, 3333, 4422]);
    expect(sealedSnapshot(Buffer.from(await stateFile()))).toBeDefined();
  });

  it('an edit that breaks the state file is reported by field, with the journal there too', async () => {
    await rebind(store, 'b-1', 1111);
    await writeFile(join(dir, 'state.json'), (await stateFile()).replace('"port":10003', '"port":70000'));
    // One read at a time: both started at once, the second rejects before anyone awaits it (an unhandled rejection).
    for (const reading of [() => store.read(), () => store.view()]) {
      const e = await refusal(reading());
      expect(e.code).toBe('host-failure');
      expect(e.message).toMatch(/^state\.json: bindings\[3\]\.front\.port/);
    }
  });

  it('an edited journal record is validated as strictly as operator input, and applies when valid', async () => {
    await rebind(store, 'b-1', 1111);
    const line = (await journal())!;
    await writeFile(join(dir, 'state.journal'), line.replace('"port":1111', '"port":70000'));
    for (const reading of [() => store.read(), () => store.view()]) {
      const e = await refusal(reading());
      expect(e.code).toBe('host-failure');
      expect(e.field).toBe('records[0].after.target.port');
      expect(e.message).toMatch(/^state\.journal: records\[0\]\.after\.target\.port.*Fix that line in .*state\.journal/);
    }
    await writeFile(join(dir, 'state.journal'), line.replace('"port":1111', '"port":1112'));
    expect((await store.read()).bindings[1].target.port).toBe(1112);
    expect((await store.view()).binding('b-1')!.target.port).toBe(1112);
    await writeFile(join(dir, 'state.journal'), line.replace('"port":10001', '"port":10009'));
    expect((await refusal(store.read())).message).toMatch(/records\[0\]\.after: must keep the id, kind, protocol and front/);
    await writeFile(join(dir, 'state.journal'), 'not a record\n');
    expect((await refusal(store.read())).message).toMatch(/^state\.journal: records\[0\]: is not JSON/);
  });

  it('a new journal file is made with the state file\'s mode', async () => {
    await rebind(store, 'b-1', 1);
    expect((await stat(join(dir, 'state.journal'))).mode & 0o777).toBe(0o600);
  });
});

describe('MemoryStateStore', () => {
  it('replaces one binding through its view', async () => {
    const store = new MemoryStateStore();
    await store.write(state(3));
    const after = await rebind(store, 'b-1', 7);
    expect((await store.read()).bindings).toEqual([binding(0), after, binding(2)]);
    expect((await store.view()).atFront('tcp', 10001)).toEqual([after]);
  });
});
