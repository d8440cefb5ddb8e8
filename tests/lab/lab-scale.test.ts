// `lab up --hosts N`: extra engine hosts, each with a container and a service, an sshd and a session.
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionPool, type HostConnection } from '@/lib/hosts';
import { everyLabNamespace } from '@/lib/lab/topology';
import { inventoryPath, labDir, labDown, labStatus, labUp } from '@/lib/lab';
import { privsepMarker } from '@/lib/lab/sshd';
import { ask } from './lab-fixture';

const labNamespacesNow = async () => {
  const all = new Set(everyLabNamespace());
  const r = await execa('ip', ['netns', 'list'], { reject: false });
  return String(r.stdout)
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((ns) => all.has(ns));
};

const sshdPids = async () => String((await execa('pgrep', ['-f', `sshd -f ${labDir}/`], { reject: false })).stdout).split('\n').filter(Boolean);

describe('a lab with extra engine hosts', () => {
  afterAll(async () => {
    await labDown();
  });

  it('up --hosts 3 builds three more engine hosts with a container, a service and an sshd each', async () => {
    const r = await labUp({ extraHosts: 3 });
    expect(r.sshd.map((s) => s.host)).toEqual(['host1', 'host2', 'host5', 'host6', 'host7']);
    const status = await labStatus();
    expect(status.problems).toEqual([]);
    expect(status.hosts.map((h) => h.name)).toEqual(['host1', 'host2', 'host5', 'host6', 'host7']);
    expect(status.containers.map((c) => `${c.name}@${c.runsOn}`)).toEqual(['a1@host1', 'a2@host2', 'c5@host5', 'c6@host6', 'c7@host7']);
    expect(await ask('host7', 'c7', 4422, 'hi')).toEqual({ ok: true, reply: 'c7: hi' });
    expect(await sshdPids()).toHaveLength(5);
  });

  it('gives the console a session to every host', async () => {
    const hosts: HostConnection[] = JSON.parse(readFileSync(inventoryPath, 'utf8')).hosts;
    expect(hosts.map((h) => `${h.name}:${h.transport}`)).toEqual(['host1:netns', 'host2:ssh', 'host5:netns', 'host6:netns', 'host7:netns']);
    const pool = new SessionPool();
    try {
      const answers = await Promise.all(hosts.map((h) => pool.request(h, ['list'])));
      expect(answers.map((a) => a.exitCode)).toEqual([0, 0, 0, 0, 0]);
      expect(answers.map((a) => JSON.parse(a.stdout).host)).toEqual(hosts.map((h) => h.name));
      // An export on an extra host reaches its container from another host over the overlay.
      const r = await pool.request(hosts[4], ['export', '--port', '8080', '--to', 'c7:4422', '--id', 'c7-web']);
      expect(r.exitCode).toBe(0);
      expect(await ask('host5', '10.2.2.3', 8080, 'via host7')).toEqual({ ok: true, reply: 'c7: via host7' });
    } finally {
      await pool.close();
    }
  });

  it('down removes every namespace, sshd and file of the larger lab', async () => {
    await labDown();
    expect(await labNamespacesNow()).toEqual([]);
    expect(await sshdPids()).toEqual([]);
    expect(existsSync(labDir)).toBe(false);
    expect(existsSync(privsepMarker)).toBe(false);
    expect(existsSync('/etc/netns/sy-host7')).toBe(false);
  });
});
