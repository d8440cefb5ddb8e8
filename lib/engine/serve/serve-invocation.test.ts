import { describe, expect, it } from 'vitest';
import { parseRequest } from './protocol';
import { serveInvocation } from './serve-invocation';

describe('serve command line', () => {
  it('keeps global options for every request, wherever they stand', () => {
    expect(serveInvocation(['--state-dir', '/run/h1', '--json', 'serve', '--stdio'], {})).toEqual({ globals: ['--state-dir', '/run/h1'], stateDir: '/run/h1' });
    expect(serveInvocation(['serve', '--stdio', '--state-dir=/x', '--backend', 'iptables'], {})).toEqual({ globals: ['--state-dir=/x', '--backend', 'iptables'], stateDir: '/x' });
    expect(serveInvocation(['serve', '--stdio'], { SWITCHYARD_STATE_DIR: '/env' })?.stateDir).toBe('/env');
  });

  it('is not involved in other verbs', () => {
    expect(serveInvocation(['--state-dir', '/x', 'list'], {})).toBeNull();
    expect(serveInvocation(['--help'], {})).toBeNull();
  });

  it.each([
    [['serve'], 'stdio'],
    [['serve', '--stdio', 'extra'], 'arguments'],
    [['serve', '--stdio', '--port', '1'], 'port'],
    [['--state-dir', 'rel', 'serve', '--stdio'], 'state-dir'],
  ])('%j is bad input naming %s', (argv, field) => {
    expect(() => serveInvocation(argv, {})).toThrow(expect.objectContaining({ code: 'bad-input', field }));
  });
});

describe('request lines', () => {
  it('reads id, args and input', () => {
    expect(parseRequest('{"id":1,"args":["list"]}')).toEqual({ ok: true, request: { id: 1, args: ['list'] } });
    expect(parseRequest('{"id":"a","args":["apply","--file","-"],"input":"{}"}')).toEqual({ ok: true, request: { id: 'a', args: ['apply', '--file', '-'], input: '{}' } });
  });

  it.each([
    ['not json', null, /not JSON/],
    ['[1]', null, /object/],
    ['{"args":[]}', null, /^id/],
    ['{"id":3,"args":"list"}', 3, /^args/],
    ['{"id":3,"args":[1]}', 3, /^args/],
    ['{"id":3,"args":[],"input":5}', 3, /^input/],
  ])('%s is refused, keeping the id when it has one', (line, id, message) => {
    const r = parseRequest(line);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.id).toBe(id);
      expect(r.message).toMatch(message);
    }
  });
});
