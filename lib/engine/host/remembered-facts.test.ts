import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../model/report';
import type { CommandRunner } from '../runner/command-runner';
import { rememberFacts } from './remembered-facts';

const runner: CommandRunner = { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) };

function host() {
  const h = { stamp: 's1', reads: 0, address: '192.168.1.2/24', fail: false };
  const read = async (_: CommandRunner, hostname: string): Promise<HostFacts> => {
    h.reads++;
    if (h.fail) throw new Error('ip failed');
    return { hostname, interfaces: [{ name: 'eth0', up: true, addresses: [h.address] }], ipForward: true, weave: false };
  };
  return { h, facts: rememberFacts(read, async () => h.stamp) };
}

describe('facts remembered by a session', () => {
  it('are read once while their stamp stays the same', async () => {
    const { h, facts } = host();
    await facts.read(runner, 'host2');
    await facts.read(runner, 'host2');
    expect(h.reads).toBe(1);
  });

  it('are read again as soon as the stamp changes, so a new address is never served stale', async () => {
    const { h, facts } = host();
    await facts.read(runner, 'host2');
    h.address = '10.2.1.3/16';
    h.stamp = 's2';
    expect((await facts.read(runner, 'host2')).interfaces[0].addresses).toEqual(['10.2.1.3/16']);
    expect(h.reads).toBe(2);
  });

  it('are read again after forget, or for another host name', async () => {
    const { h, facts } = host();
    await facts.read(runner, 'host2');
    facts.forget();
    await facts.read(runner, 'host2');
    expect((await facts.read(runner, 'other')).hostname).toBe('other');
    expect(h.reads).toBe(3);
  });

  it('do not remember a failed read', async () => {
    const { h, facts } = host();
    h.fail = true;
    await expect(facts.read(runner, 'host2')).rejects.toThrow('ip failed');
    h.fail = false;
    expect((await facts.read(runner, 'host2')).interfaces).toHaveLength(1);
  });

  it('hand out copies: a caller changing its facts changes nothing remembered', async () => {
    const { facts } = host();
    (await facts.read(runner, 'host2')).interfaces.pop();
    expect((await facts.read(runner, 'host2')).interfaces).toHaveLength(1);
  });
});
