import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { parseBindingFile, parseBindingSpec, parseCidr, parseIface, parseId, parsePort, parseTarget } from './validate';

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('bad-input');
    return (e as EngineError).field;
  }
  return undefined;
};

describe('validation', () => {
  it.each([
    ['0', false], ['1', true], ['65535', true], ['65536', false], ['-1', false], ['22a', false], ['', false], ['08', false], ['2211 ', false], ['1e3', false],
  ])('port %j valid=%s', (v, ok) => {
    expect(fieldOf(() => parsePort('port', v)) === undefined).toBe(ok);
  });

  it.each([
    ['eth0', true], ['weave', true], ['br-1.2_x', true], ['eth0 ', false], ['a b', false], ['eth0;ls', false], ['$(id)', false], ['sixteen-chars-xx', false], ['', false], ['-j ACCEPT', false],
  ])('interface %j valid=%s', (v, ok) => {
    expect(fieldOf(() => parseIface('in', v)) === undefined).toBe(ok);
  });

  it.each([
    ['web', true], ['a1-export', true], ['9lives', true], ['Web', false], ['-web', false], ['a_b', false], ['x'.repeat(64), false], ['hook', false], ['a;b', false],
  ])('id %j valid=%s', (v, ok) => {
    expect(fieldOf(() => parseId('id', v)) === undefined).toBe(ok);
  });

  it.each([
    ['a1:4422', { name: 'a1', port: 4422 }],
    ['192.168.1.3:2211', { name: '192.168.1.3', port: 2211 }],
    ['host1.weave.local:3322', { name: 'host1.weave.local', port: 3322 }],
  ])('target %j', (v, want) => {
    expect(parseTarget('to', v)).toEqual(want);
  });

  it.each(['a1', 'a1:', ':80', '256.1.1.1:80', '1.2.3:80', 'a1:0', 'a1:70000', 'a1;rm -rf /:80', '`id`:80', 'a b:80', '010.1.1.1:80'])('target %j is refused, naming "to"', (v) => {
    expect(fieldOf(() => parseTarget('to', v))).toBe('to');
  });

  it('cidr needs an address and a prefix', () => {
    expect(parseCidr('cidr', '10.2.1.3/16')).toBe('10.2.1.3/16');
    for (const bad of ['10.2.1.3', '10.2.1.3/33', '10.2.1.3/0', '10.2.1/16', 'x/16']) expect(fieldOf(() => parseCidr('cidr', bad))).toBe('cidr');
  });

  it('an export takes --in, an import --on; each refuses the other', () => {
    expect(parseBindingSpec({ id: 'web', kind: 'export', port: '2211', in: 'eth0', to: 'a1:4422' })).toEqual({
      id: 'web', kind: 'export', proto: 'tcp', port: 2211, in: 'eth0', to: 'a1:4422', masquerade: true,
    });
    expect(fieldOf(() => parseBindingSpec({ id: 'x', kind: 'export', port: 1, on: '10.2.1.3', to: 'a:1' }))).toBe('on');
    expect(fieldOf(() => parseBindingSpec({ id: 'x', kind: 'import', port: 1, to: 'a:1' }))).toBe('on');
    expect(fieldOf(() => parseBindingSpec({ id: 'x', kind: 'import', port: 1, on: '10.2.1.3', in: 'eth0', to: 'a:1' }))).toBe('in');
    expect(fieldOf(() => parseBindingSpec({ id: 'x', kind: 'export', port: 1, proto: 'sctp', to: 'a:1' }))).toBe('proto');
  });

  it('a bindings file names the first bad field by position', () => {
    const ok = { id: 'a', kind: 'export', port: 1, to: 'x:1' };
    expect(fieldOf(() => parseBindingFile('{"bindings": [' + JSON.stringify(ok) + ',{"id":"b","kind":"export","port":99999,"to":"x:1"}]}'))).toBe('bindings[1].port');
    expect(fieldOf(() => parseBindingFile(JSON.stringify({ bindings: [ok, ok] })))).toBe('bindings[1].id');
    expect(fieldOf(() => parseBindingFile(JSON.stringify({ bindings: [{ ...ok, evil: 1 }] })))).toBe('bindings[0].evil');
    expect(fieldOf(() => parseBindingFile('not json'))).toBe('file');
  });
});
