import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { parseArgs } from './args';

describe('command line', () => {
  it('takes global flags before or after the verb', () => {
    expect(parseArgs(['--json', 'export', '--port', '2211', '--to=a1:4422', '--state-dir', '/tmp/x'])).toEqual({
      global: { json: true, 'state-dir': '/tmp/x' },
      verb: 'export',
      flags: { port: '2211', to: 'a1:4422' },
      positional: [],
    });
    expect(parseArgs(['rebind', 'web', '--to', 'a2:1', '--cut']).positional).toEqual(['web']);
  });

  it.each([
    [['frobnicate'], 'verb'],
    [['export', '--port'], 'port'],
    [['export', '--bogus', '1'], 'bogus'],
    [['list', '--to', 'x:1'], 'to'],
    [['rebind', '--to', 'x:1'], 'id'],
    [['remove', 'a', 'b'], 'id'],
    [['export', '--port', '1', '--port', '2'], 'port'],
    [['flush', '--forget=yes'], 'forget'],
  ])('%j is bad input naming %s', (argv, field) => {
    try {
      parseArgs(argv);
      expect.unreachable();
    } catch (e) {
      expect((e as EngineError).code).toBe('bad-input');
      expect((e as EngineError).field).toBe(field);
    }
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('"%s" is neither a verb nor a flag (inherited names are not looked up)', (name) => {
    for (const argv of [[name], ['list', `--${name}`], [`--${name}`, 'x'], ['export', `--${name}=1`]]) {
      let err: unknown;
      try {
        parseArgs(argv);
      } catch (e) {
        err = e;
      }
      expect(err, argv.join(' ')).toBeInstanceOf(EngineError);
      expect((err as EngineError).code).toBe('bad-input');
    }
  });
});
