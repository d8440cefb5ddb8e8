// The lab itself: `up` builds everything (twice in a row, cleanly), `down` leaves nothing behind.
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inventoryPath, ownerPath, labDir, labDown, labHostKey, labInventory, labNamespaces, labStatus, labUp } from '@/lib/lab';
import { ask, inNs } from './lab-fixture';

const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

const labNamespacesNow = async () => {
  const r = await execa('ip', ['netns', 'list'], { reject: false });
  return String(r.stdout)
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((ns) => labNamespaces.includes(ns));
};

describe('the lab', () => {
  afterAll(async () => {
    await labDown();
  });

  it('up twice rebuilds cleanly: every namespace, address and service in place', async () => {
    const first = await labUp();
    expect((await labStatus()).up).toBe(true);
    await labUp();
    const status = await labStatus();
    expect(status.problems).toEqual([]);
    expect(status.up).toBe(true);
    expect(status.hosts.map((h) => h.namespace)).toEqual(['sy-host1', 'sy-host2']);
    // The second up stopped the first one's services rather than leaving them running.
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(first.services.filter((s) => alive(s.pid))).toEqual([]);
    expect(await ask('a2', 'a1', 4422, 'still here?')).toEqual({ ok: true, reply: 'a1: still here?' });
    expect(await ask('host1', '192.168.1.3', 2211)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
    expect(await ask('host1', '192.168.4.4', 2211)).toEqual({ ok: true, reply: 'host4: Hello, world.' });
  }, 300_000); // two full builds, each with an sshd per engine host, on a shared machine

  it('belongs to the process that brought it up: another process may not take it down meanwhile', async () => {
    expect((await labStatus()).owner).toBe(process.pid);
    const other = await execa(tsx, ['lib/lab/cli.ts', 'down'], { reject: false, timeout: 30_000 });
    expect(other.exitCode).toBe(1);
    expect(other.stderr).toContain(`in use by pid ${process.pid}`);
    expect((await labStatus()).up).toBe(true);
  });

  it('writes the console inventory it prints, with the host key of the sshd it reaches host2 through', async () => {
    const hostKey = await labHostKey('host2');
    expect(hostKey).toMatch(/^ssh-ed25519 /);
    expect(JSON.parse(readFileSync(inventoryPath, 'utf8'))).toEqual(labInventory({ hostKeys: { host2: hostKey! } }));
  });

  it('gives HOST1 and HOST2 forwarding with FORWARD policy DROP, and nobody else forwarding', async () => {
    for (const ns of ['sy-host1', 'sy-host2']) {
      expect((await inNs(ns, 'sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
      expect((await inNs(ns, 'iptables', ['-w', '-S', 'FORWARD'])).stdout).toContain('-P FORWARD DROP');
    }
    for (const ns of ['sy-host3', 'sy-host4', 'sy-a1', 'sy-a2', 'sy-world']) {
      expect((await inNs(ns, 'sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('0');
    }
  });

  it('without bindings, nothing crosses between networks', async () => {
    expect(await ask('world', '192.168.1.2', 2211, 'x', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
    expect(await ask('a2', 'host1', 3322, 'x', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
    expect(await ask('a2', '192.168.1.3', 2211, 'x', { timeoutMs: 1_500 })).toMatchObject({ ok: false });
  });

  it('down removes every namespace, process and file it made, stray processes included', async () => {
    const stray = execa('ip', ['netns', 'exec', 'sy-world', 'sleep', '300'], { reject: false });
    const pids = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = await execa('ip', ['netns', 'pids', 'sy-world']);
        if (String(r.stdout).trim()) return String(r.stdout).trim();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return '';
    })();
    expect(pids).not.toBe('');
    const report = await labDown();
    expect(report.processes).toBeGreaterThanOrEqual(1);
    expect((await stray).isTerminated).toBe(true);
    expect(await labNamespacesNow()).toEqual([]);
    expect(existsSync(labDir)).toBe(false);
    for (const ns of labNamespaces) expect(existsSync(`/etc/netns/${ns}`)).toBe(false);
    expect((await labStatus()).up).toBe(false);
    expect((await labStatus()).owner).toBeNull();
    expect(existsSync(ownerPath)).toBe(false);
  });
});
