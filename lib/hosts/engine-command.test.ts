import { describe, expect, it } from 'vitest';
import { engineCommand } from './engine-command';

describe('engineCommand', () => {
  it('runs the lab engine inside the host namespace with its state dir', () => {
    const c = engineCommand(
      { name: 'host1', transport: 'netns', namespace: 'sy-host1', stateDir: '/run/lab/host1', cli: '/abs/sy.mjs' },
      ['list'],
      true,
      '/usr/bin/node',
    );
    expect(c).toEqual({
      file: 'ip',
      args: ['netns', 'exec', 'sy-host1', 'env', 'SWITCHYARD_HOSTNAME=host1', '/usr/bin/node', '/abs/sy.mjs', '--state-dir', '/run/lab/host1', '--json', 'list'],
    });
  });

  it('prefixes sudo -n on the local host only when not root', () => {
    const host = { name: 'me', transport: 'local', cli: '/abs/sy.mjs' } as const;
    expect(engineCommand(host, ['status'], true, 'node')).toEqual({ file: 'node', args: ['/abs/sy.mjs', '--json', 'status'] });
    expect(engineCommand(host, ['status'], false, 'node')).toEqual({
      file: 'sudo',
      args: ['-n', 'node', '/abs/sy.mjs', '--json', 'status'],
    });
  });

  it('quotes arguments for the remote shell over ssh, with the console key and only pinned host keys', () => {
    const ssh = { identityFile: '/data/ssh/id_ed25519', knownHostsFile: '/data/ssh/known_hosts' };
    const c = engineCommand({ name: 'far', transport: 'ssh', ssh: 'ops@far', port: 2222 }, ['rebind', 'web', '--to', "a1:4422; rm -rf /'"], true, 'node', ssh);
    expect(c.file).toBe('ssh');
    const options = c.args.filter((_, i) => c.args[i - 1] === '-o');
    expect(options).toEqual(
      expect.arrayContaining([
        'BatchMode=yes',
        'IdentityFile=/data/ssh/id_ed25519',
        'IdentitiesOnly=yes',
        'UserKnownHostsFile=/data/ssh/known_hosts',
        'GlobalKnownHostsFile=/dev/null',
        'StrictHostKeyChecking=yes',
        'Port=2222',
      ]),
    );
    expect(c.args.slice(-3, -1)).toEqual(['ops@far', '--']);
    expect(c.args.at(-1)).toBe(`switchyard --json rebind web --to 'a1:4422; rm -rf /'"'"''`);
  });
});
