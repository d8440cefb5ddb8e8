import { describe, expect, it } from 'vitest';
import type { Binding, HostState } from '../model/binding';
import { parseHostState } from './state-schema';
import { stateText } from './state-text';

const binding = (i: number): Binding => ({
  id: `b-${i}`,
  kind: 'export',
  proto: 'tcp',
  front: { port: 10000 + i, iface: 'eth0' },
  target: { name: '10.78.0.11', address: '10.78.0.11', port: 4422 },
  masquerade: false,
  revision: 1,
});

const text = (s: HostState) => [...stateText(s)].join('');

describe('stateText', () => {
  it('writes a document that reads back equal, one binding per line', () => {
    const state: HostState = { version: 1, backend: 'nft', bindings: Array.from({ length: 2500 }, (_, i) => binding(i)), exposed: [{ cidr: '10.78.0.1/24', bridge: 'weave' }] };
    const t = text(state);
    expect(parseHostState(t, '/x/state.json')).toEqual(state);
    const lines = t.split('\n');
    expect(lines.filter((l) => l.startsWith('{"id":"b-'))).toHaveLength(2500);
    expect(lines[1]).toBe('"bindings": [');
  });

  it('writes empty lists and a state without a backend', () => {
    const state: HostState = { version: 1, bindings: [], exposed: [] };
    expect(JSON.parse(text(state))).toEqual(state);
  });

  it('reports a bad hand-edited field by its path in the file', () => {
    const t = text({ version: 1, backend: 'nft', bindings: [0, 1, 2, 3].map(binding), exposed: [] }).replace('"port":4422}', '"port":70000}');
    expect(() => parseHostState(t, '/x/state.json')).toThrow(/^state\.json: bindings\[0\]\.target\.port/);
  });
});
