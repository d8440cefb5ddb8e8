// Persistent host sessions on the lab: changes made by hand are pushed, a vanished host goes down
// and comes back, and host2 is reached through the lab's real sshd.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '@/lib/engine/model/report';
import { SessionPool, sshSettings, type HostConnection, type HostSession } from '@/lib/hosts';
import { openHostSession } from '@/lib/hosts/open-host-session';
import { inventoryPath, labUp } from '@/lib/lab';
import { stopProcess } from '@/lib/lab/services';
import * as netns from '@/lib/lab/netns';
import { ask, inNs, labBackends, mustSwitchyard, useLab, waitFor } from './lab-fixture';

describe.each(labBackends)('host sessions on the lab (%s backend)', (backend) => {
  useLab(backend);

  let pool: SessionPool;
  let hosts: HostConnection[];
  const host = (name: string) => hosts.find((h) => h.name === name)!;
  const latest = new Map<string, StatusReport>();

  beforeAll(() => {
    hosts = JSON.parse(readFileSync(inventoryPath, 'utf8')).hosts;
    // Short backoff so a host that comes back is noticed within the test.
    pool = new SessionPool({ backoff: { initialMs: 200, maxMs: 1_000 } });
    pool.onStatus((name, report) => latest.set(name, report));
    pool.sync(hosts);
  });
  afterAll(async () => {
    await pool?.close();
  });

  const binding = (name: string, id: string) => latest.get(name)?.bindings.find((b) => b.id === id);

  it('reaches host1 through its namespace and host2 over ssh, each pushing its status', async () => {
    expect(host('host2').transport).toBe('ssh');
    for (const name of ['host1', 'host2']) {
      const r = await pool.request(host(name), ['list']);
      expect(r.exitCode).toBe(0);
      expect(JSON.parse(r.stdout).host).toBe(name);
      await waitFor(`${name}'s first status`, () => latest.get(name)?.host === name);
    }
  });

  it('a change through the ssh session makes real traffic flow, and is pushed back', async () => {
    const r = await pool.request(host('host2'), ['export', '--in', 'eth0', '--port', '2211', '--to', 'a1:4422', '--id', 'web']);
    expect(r.exitCode).toBe(0);
    expect(await ask('world', '192.168.1.2', 2211)).toEqual({ ok: true, reply: 'a1: Hello, world.' });
    await waitFor('the export in host2 status', () => binding('host2', 'web')?.state === 'active', 3_000);
  });

  it('pushes a binding added with the CLI by hand within 3 s', async () => {
    await mustSwitchyard('host1', ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'nc']);
    await waitFor('the hand-made import in host1 status', () => binding('host1', 'nc')?.state === 'active', 3_000);
  });

  it('pushes a rule deleted by hand within 3 s: the binding shows as drifted', async () => {
    // The rule that sends the import's connections to its target, taken away as an admin would by hand.
    const rules = binding('host1', 'nc')!.rules.filter((l) => (backend === 'nft' ? /import_targets/ : /-j DNAT/).test(l));
    expect(rules.length).toBeGreaterThanOrEqual(1);
    const del =
      backend === 'nft'
        ? await inNs('sy-host1', 'nft', ['delete', 'element', 'ip', 'switchyard', 'import_targets', '{ 10.2.1.3 . tcp . 3322 }'])
        : await inNs('sy-host1', 'iptables', ['-w', '-t', 'nat', ...rules[0].replace(/^-A /, '-D ').split(' ').map((t) => t.replace(/^"|"$/g, ''))]);
    expect(del.stderr).toBe('');
    await waitFor('the drift in host1 status', () => binding('host1', 'nc')?.state === 'drifted', 3_000);
    expect(binding('host1', 'nc')!.drift!.missing).toContain(rules[0]);
  });

  it('a host whose namespace disappears goes down, keeps failing fast, and comes back when rebuilt', async () => {
    const h1 = pool.get('host1')!;
    const states: boolean[] = [];
    h1.onState((s) => states.push(s.up));
    // The name goes first, then what ran inside: a session restarted meanwhile cannot re-enter it.
    const inside = await netns.namespacePids('sy-host1');
    await netns.deleteNamespace('sy-host1');
    for (const pid of inside) await stopProcess(pid);
    await waitFor('host1 to be down', () => !h1.state.up, 10_000);
    const r = await pool.request(host('host1'), ['list']);
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toMatch(/host1 is unreachable/);
    expect(h1.state.reason).toBeTruthy();

    latest.delete('host1');
    await labUp({ backend }); // this suite owns the lab: rebuild it
    await waitFor('host1 to be up again', () => h1.state.up, 30_000);
    await waitFor('a fresh status from host1', () => latest.get('host1')?.host === 'host1', 10_000);
    expect(latest.get('host1')!.bindings).toEqual([]); // the rebuilt host starts empty
    expect(states[0]).toBe(false);
    expect(states.at(-1)).toBe(true);
  });
});

describe('the ssh transport against the lab sshd', () => {
  useLab();
  const dirs: string[] = [];
  // Every lab up makes new host keys: read the inventory this suite's lab wrote.
  const current = (name: string): HostConnection => (JSON.parse(readFileSync(inventoryPath, 'utf8')).hosts as HostConnection[]).find((h) => h.name === name)!;
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  // A data dir holding the console's (authorized) key, and known_hosts as given.
  function dataDirWith(knownHosts: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sy-ssh-'));
    dirs.push(dir);
    const s = { identityFile: path.join(dir, 'id_ed25519'), knownHostsFile: path.join(dir, 'known_hosts') };
    copyFileSync(sshSettings().identityFile, s.identityFile);
    copyFileSync(`${sshSettings().identityFile}.pub`, `${s.identityFile}.pub`);
    writeFileSync(s.knownHostsFile, knownHosts);
    return s;
  }

  async function downReason(h: HostConnection, s: ReturnType<typeof dataDirWith>) {
    const session: HostSession = openHostSession(h, { ssh: s, backoff: { initialMs: 5_000, maxMs: 5_000 } });
    try {
      const r = await session.request(['list']);
      expect(r.exitCode).toBe(255);
      return session.state.reason ?? '';
    } finally {
      await session.close();
    }
  }

  it('refuses a host whose key is not pinned, never learning it', async () => {
    const s = dataDirWith('');
    const { hostKey: _unpinned, ...h } = current('host2') as Extract<HostConnection, { transport: 'ssh' }>;
    expect(await downReason(h, s)).toMatch(/Host key verification failed/);
    expect(readFileSync(s.knownHostsFile, 'utf8')).toBe('');
  });

  it('refuses a host whose key changed', async () => {
    const wrong = readFileSync(`${sshSettings().identityFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    const s = dataDirWith(`10.2.1.132 ${wrong}\n`);
    const reason = await downReason(current('host2'), s);
    expect(reason).toMatch(/Host key verification failed|HOST IDENTIFICATION HAS CHANGED/);
  });

  it('connects once the key is pinned from the inventory', async () => {
    const s = dataDirWith('');
    const session = openHostSession(current('host2'), { ssh: s });
    try {
      const r = await session.request(['status']);
      expect(r.exitCode).toBe(0);
      expect(JSON.parse(r.stdout).host).toBe('host2');
      expect(readFileSync(s.knownHostsFile, 'utf8')).toContain('10.2.1.132 ssh-ed25519 ');
    } finally {
      await session.close();
    }
  });
});
