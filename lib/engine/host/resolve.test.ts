import { describe, expect, it } from 'vitest';
import { commandNotFound, type CommandRunner } from '../runner/command-runner';
import { resolveName } from './resolve';

/** A host whose `weave dns-lookup` and `getent` know different answers (Weave is not installed here to ask for real). */
const host = (weave: Record<string, string> | null, getent: Record<string, string>): CommandRunner & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    async run(file, args) {
      calls.push([file, ...args].join(' '));
      if (file === 'weave') {
        if (!weave) return { exitCode: commandNotFound, stdout: '', stderr: 'weave: command not found' };
        const a = weave[args[1]];
        return a ? { exitCode: 0, stdout: `${a}\n`, stderr: '' } : { exitCode: 1, stdout: '', stderr: '' };
      }
      const a = getent[args[1]];
      return a ? { exitCode: 0, stdout: `${a.padEnd(15)} STREAM ${args[1]}\n`, stderr: '' } : { exitCode: 2, stdout: '', stderr: '' };
    },
  };
};

describe('resolving a target name on the host', () => {
  it('prefers Weave DNS where weave is installed', async () => {
    expect(await resolveName(host({ a1: '10.32.0.5' }, { a1: '10.99.9.9' }), 'a1')).toBe('10.32.0.5');
  });
  it('falls back to the system resolver when Weave does not know the name or is not installed', async () => {
    expect(await resolveName(host({}, { db: '10.1.1.1' }), 'db')).toBe('10.1.1.1');
    expect(await resolveName(host(null, { a1: '10.1.1.2' }), 'a1')).toBe('10.1.1.2');
  });
  it('an address needs no resolver at all', async () => {
    const h = host(null, {});
    expect(await resolveName(h, '192.168.1.3')).toBe('192.168.1.3');
    expect(h.calls).toEqual([]);
  });
  it('an unknown name is bad input naming the field', async () => {
    await expect(resolveName(host(null, {}), 'ghost', 'bindings[0].to')).rejects.toMatchObject({ code: 'bad-input', field: 'bindings[0].to' });
  });
});
