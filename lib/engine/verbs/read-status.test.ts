import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesCommands } from '../iptables/kernel';
import { listMapByMapFrom } from '../nft/kernel';
import type { Binding } from '../model/binding';
import type { CommandRunner } from '../runner/command-runner';
import { MemoryStateStore } from '../state/memory-state-store';
import type { EngineContext } from './context';
import { list } from './read-status';

const fixture = readFileSync(new URL('../nft/fixtures/table.json', import.meta.url), 'utf8');
const web: Binding = { id: 'web', kind: 'export', proto: 'tcp', front: { port: 2211, iface: 'eth0' }, target: { name: '10.77.0.11', address: '10.77.0.11', port: 4422 }, masquerade: true, revision: 1 };

type Item = Record<string, Record<string, unknown>>;
const items: Item[] = JSON.parse(fixture).nftables;
const doc = (list: Item[]) => JSON.stringify({ nftables: list });

/** nft as the fixture's host answers: the terse ruleset (maps without `elem`), one map, or the whole table. */
function answer(args: readonly string[]): string {
  if (args.includes('-t')) return doc(items.map((i) => (i.map ? { map: { ...i.map, elem: undefined } } : i)));
  if (args.includes('map')) return doc([items[0], ...items.filter((i) => i.map?.name === args.at(-1))]);
  return fixture;
}

/**
 * A host whose nft holds the fixture's table (every listing answered from it, streamed in small
 * pieces), and a log of what was read when. `atMost`: the bound its store gives on the bindings
 * before the state is read (a state file's size; default: the one binding it holds).
 */
function host(events: string[], atMost?: number): EngineContext {
  const runner: CommandRunner = {
    async run(file, args, opts) {
      events.push(`${file} ${args.join(' ')}`);
      if (file !== 'nft') return { exitCode: 127, stdout: '', stderr: `${file}: command not found` };
      const out = answer(args);
      for (let i = 0; i < out.length; i += 100) opts?.onStdout?.(out.slice(i, i + 100));
      return { exitCode: 0, stdout: opts?.onStdout ? '' : out, stderr: '' };
    },
  };
  const store = new MemoryStateStore();
  const read = store.read.bind(store);
  store.read = async () => {
    events.push('state');
    return read();
  };
  if (atMost !== undefined) store.bindingsAtMost = async () => atMost;
  void store.write({ version: 1, backend: 'nft', bindings: [web], exposed: [{ cidr: '10.2.1.3/16', bridge: 'eth0' }] });
  return { runner, store, iptables: iptablesCommands('iptables'), hostname: 'h' };
}

describe('list', () => {
  it('with the backend named, reads the kernel before the state file, and reports the same', async () => {
    const named: string[] = [];
    const unnamed: string[] = [];
    // A state that may be large: the table is read in parts (terse ruleset, then map by map).
    const first = await list({ ...host(named, listMapByMapFrom), askedBackend: 'nft' });
    const second = await list(host(unnamed));
    expect(named.indexOf('state')).toBeGreaterThan(named.findIndex((e) => e.startsWith('nft ')));
    expect(named.filter((e) => e.startsWith('nft ') && e.includes(' map '))).not.toHaveLength(0);
    expect(unnamed[0]).toBe('state');
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    expect(first.bindings.map((b) => `${b.id}:${b.state}`)).toEqual(['web:active']);
    expect(first.bindings[0].rules).toContain('map export_fronts { "eth0" . tcp . 2211 : goto dnat-export-masq }');
  });

  it('with the backend named and a small state, lists the table in one nft process before reading the state', async () => {
    const events: string[] = [];
    const report = await list({ ...host(events), askedBackend: 'nft' });
    expect(events).toEqual(['nft -j list table ip switchyard', 'state']);
    expect(report.bindings.map((b) => `${b.id}:${b.state}`)).toEqual(['web:active']);
  });
});
