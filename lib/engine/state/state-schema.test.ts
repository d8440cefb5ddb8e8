import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { parseHostState } from './state-schema';

const good = {
  version: 1,
  backend: 'iptables',
  bindings: [
    { id: 'web', kind: 'export', proto: 'tcp', front: { port: 2211, iface: 'eth0' }, target: { name: 'a1', address: '10.2.1.1', port: 4422 }, masquerade: true, revision: 1 },
    { id: 'nc', kind: 'import', proto: 'udp', front: { port: 3322, address: '10.2.1.3' }, target: { name: '192.168.1.3', address: '192.168.1.3', port: 2211 }, masquerade: false, revision: 4 },
  ],
  exposed: [{ cidr: '10.2.1.3/16', bridge: 'weave', name: 'host1.weave.local' }, { cidr: '10.2.1.4/16', bridge: 'weave', preexisting: true }],
};

/** `good` with one change made by `edit`. */
const edited = (edit: (s: any) => void) => {
  const s = structuredClone(good);
  edit(s);
  return JSON.stringify(s);
};

function failure(text: string): EngineError {
  try {
    parseHostState(text, '/var/lib/switchyard/state.json');
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected the state file to be refused');
}

describe('the state file is validated as strictly as operator input', () => {
  it('reads a good file as it is', () => {
    expect(parseHostState(JSON.stringify(good), '/x/state.json')).toEqual(good);
  });

  it.each([
    [(s: any) => (s.bindings[1].target.port = 70000), 'bindings[1].target.port', /65535/],
    [(s: any) => (s.bindings[0].target.address = '10.2.1.1 -j ACCEPT'), 'bindings[0].target.address', /IPv4/],
    [(s: any) => (s.bindings[0].target.name = 'a1;reboot'), 'bindings[0].target.name', /neither an IPv4 address nor a host name/],
    [(s: any) => (s.bindings[0].front.iface = 'eth0 -j DROP'), 'bindings[0].front.iface', /interface name/],
    [(s: any) => (s.bindings[1].front.address = '10.2.1.300'), 'bindings[1].front.address', /IPv4/],
    [(s: any) => (s.bindings[0].front.address = '10.2.1.3'), 'bindings[0].front.address', /not a known field/],
    [(s: any) => (s.bindings[0].id = 'Web!'), 'bindings[0].id', /lowercase/],
    [(s: any) => (s.bindings[0].id = 'hook'), 'bindings[0].id', /reserved/],
    [(s: any) => (s.bindings[1].id = 'web'), 'bindings[1].id', /appears twice/],
    [(s: any) => (s.bindings[0].proto = 'icmp'), 'bindings[0].proto', /tcp or udp/],
    [(s: any) => (s.bindings[0].kind = 'route'), 'bindings[0].kind', /export or import/],
    [(s: any) => (s.bindings[0].masquerade = 'yes'), 'bindings[0].masquerade', /true or false/],
    [(s: any) => (s.bindings[0].revision = 0), 'bindings[0].revision', /whole number/],
    [(s: any) => (s.bindings[0].extra = 1), 'bindings[0].extra', /not a known field/],
    [(s: any) => (s.bindings[0].target = [1]), 'bindings[0].target', /must be an object/],
    [(s: any) => (s.exposed[0].cidr = '10.2.1.3'), 'exposed[0].cidr', /prefix length/],
    [(s: any) => (s.exposed[1].preexisting = false), 'exposed[1].preexisting', /true or absent/],
    [(s: any) => (s.version = 2), 'version', /must be 1/],
    [(s: any) => (s.backend = 'pf'), 'backend', /iptables or nft/],
    [(s: any) => (s.bindings = {}), 'bindings', /list/],
  ])('a bad field is exit 1 named as state.json: <path> with how to fix it (%#)', (edit, field, why) => {
    const e = failure(edited(edit));
    expect(e.code).toBe('host-failure');
    expect(e.exitCode).toBe(1);
    expect(e.field).toBe(field);
    expect(e.message.startsWith(`state.json: ${field}`)).toBe(true);
    expect(e.message).toMatch(why);
    expect(e.message).toMatch(/Fix it in \/var\/lib\/switchyard\/state\.json .*switchyard restore/);
  });

  it('broken or absurdly nested JSON is refused the same way, without walking it', () => {
    expect(failure('{"version": 1,').message).toMatch(/^state\.json: is not JSON/);
    expect(failure('[]').message).toMatch(/^state\.json: must be an object/);
    const deep = '{"version":1,"bindings":' + '['.repeat(20000) + ']'.repeat(20000) + ',"exposed":[]}';
    expect(failure(deep).message).toMatch(/nests deeper than 32 levels/);
  });
});
