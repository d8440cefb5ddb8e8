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

  it('quotes arguments for the remote shell over ssh', () => {
    const c = engineCommand({ name: 'far', transport: 'ssh', ssh: 'ops@far' }, ['rebind', 'web', '--to', "a1:4422; rm -rf /'"], true);
    expect(c.file).toBe('ssh');
    expect(c.args.slice(0, 6)).toEqual(['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=5', 'ops@far', '--']);
    expect(c.args[6]).toBe(`switchyard --json rebind web --to 'a1:4422; rm -rf /'"'"''`);
  });
});
