import { readFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../runner/command-runner';
import { readTable } from './kernel';
import { parseListing } from './listing';

const fixture = readFileSync(new URL('./fixtures/table.json', import.meta.url), 'utf8');
type Item = Record<string, Record<string, unknown>>;
const items: Item[] = JSON.parse(fixture).nftables;
const doc = (list: Item[]) => JSON.stringify({ nftables: list });

/**
 * nft as the fixture's host answers: the whole table, the terse ruleset (`-t`, as nft prints it:
 * map declarations without `elem`), or one map; once the table is gone, "No such file" for it and
 * an empty ruleset.
 */
function nftOf(tableThere = true): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async run(_file, args) {
      calls.push([...args]);
      if (!tableThere) return args.includes('ruleset') ? { exitCode: 0, stdout: doc([items[0]]), stderr: '' } : { exitCode: 1, stdout: '', stderr: 'Error: No such file or directory' };
      if (args.includes('map')) return { exitCode: 0, stdout: doc([items[0], ...items.filter((i) => i.map?.name === args.at(-1))]), stderr: '' };
      if (args.includes('-t')) return { exitCode: 0, stdout: doc(items.map((i) => (i.map ? { map: { ...i.map, elem: undefined } } : i))), stderr: '' };
      return { exitCode: 0, stdout: fixture, stderr: '' };
    },
  };
}

describe('reading the table from nft', () => {
  it('reads a large table without its elements, then map by map, into the same model as one listing', async () => {
    const nft = nftOf();
    const parts = await readTable(nft);
    expect(nft.calls[0]).toEqual(['-j', '-t', 'list', 'ruleset', 'ip']);
    expect(nft.calls.slice(1, 4).map((c) => c.at(-1))).toEqual(['import_fronts', 'export_fronts', 'any_fronts']);
    expect(nft.calls.slice(1).map((c) => c.slice(1, 3).concat(c.at(-1)!))).toContainEqual(['list', 'map', 'export_fronts']);
    expect(nft.calls).toHaveLength(1 + parts!.maps.size);
    const whole = parseListing(fixture);
    expect([...parts!.maps].map(([n, els]) => [n, [...els.values()]])).toEqual([...whole.maps].map(([n, els]) => [n, [...els.values()]]));
    expect([...parts!.chains.values()]).toEqual([...whole.chains.values()]);
  });

  /** nft as `nftOf` answers, writing into the file it is pointed at; `held` counts elements read so far at each run. */
  const writingNft = (nft: ReturnType<typeof nftOf>, heldNow: () => number) => {
    const heldAtEachRun: number[] = [];
    const fds: (number | undefined)[] = [];
    const runner: CommandRunner = {
      async run(file, args, opts) {
        heldAtEachRun.push(heldNow());
        fds.push(opts?.stdoutFd);
        const r = await nft.run(file, args, opts);
        if (opts?.stdoutFd === undefined) return r;
        writeSync(opts.stdoutFd, r.stdout);
        return { ...r, stdout: '' };
      },
    };
    return { runner, heldAtEachRun, fds };
  };

  const readAll = async (runner: CommandRunner, held: string[]) => {
    const t = await readTable(runner, Infinity, (map, e) => held.push(`${map} ${e.key}`));
    const whole = parseListing(fixture);
    expect(held.sort()).toEqual([...whole.maps].flatMap(([n, els]) => [...els.keys()].map((k) => `${n} ${k}`)).sort());
    expect([...t!.chains.values()]).toEqual([...whole.chains.values()]);
  };

  it('lists every map into a file before reading any, so no listing runs beside elements already held', async () => {
    const nft = nftOf();
    const elements: string[] = [];
    const w = writingNft(nft, () => elements.length);
    await readAll(w.runner, elements);
    expect(w.heldAtEachRun).toEqual(nft.calls.map(() => 0));
    expect(w.fds.slice(1).every((fd) => typeof fd === 'number')).toBe(true);
  });

  it('reads the maps all the same when no temporary file can be made', async () => {
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent-switchyard-tmp';
    try {
      const nft = nftOf();
      const elements: string[] = [];
      const w = writingNft(nft, () => elements.length);
      await readAll(w.runner, elements);
      expect(w.fds.every((fd) => fd === undefined)).toBe(true);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });

  it('lists a small table in one go, and reads no table as null', async () => {
    const nft = nftOf();
    expect(await readTable(nft, 3)).toEqual(parseListing(fixture));
    expect(nft.calls).toEqual([['-j', 'list', 'table', 'ip', 'switchyard']]);
    expect(await readTable(nftOf(false))).toBeNull();
    expect(await readTable(nftOf(false), 3)).toBeNull();
  });
});
