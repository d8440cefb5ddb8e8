import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSimInventory } from '@/lib/console/generate-sim-inventory';
import { simNetworkOf } from '@/lib/console/sim-network-spec';
import { SessionPool } from '@/lib/hosts';
import { createSimNetwork, embeddedSimNetwork, runOnSimHost } from '@/lib/hosts/sim/sim-network';
import { openStore } from '@/lib/store';
import { hostView } from './host-view';
import type { HostRecord } from './host-record';
import { startNetworkHub, type NetworkHub } from './network-hub';

// The hub over real sessions to simulated hosts (the engine's own serve loop, in process) and a
// real store in a temporary data directory.
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const inventory = generateSimInventory({ hosts: 4, bindings: 8 });
const names = inventory.hosts.map((h) => h.name);

async function start(dir: string, pool: SessionPool): Promise<NetworkHub> {
  const db = openStore(dir);
  const h = await startNetworkHub(inventory, db, pool, { persistEveryMs: 20 });
  cleanup.push(() => void db.close(), () => pool.close(), () => h.stop());
  return h;
}

const freshness = (h: NetworkHub) => h.hub.hosts().map((r) => r.freshness);

describe('the network hub', () => {
  it('is fed by every host’s session, takes a change made behind its back, and sends only that host', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sy-hub-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const h = await start(dir, new SessionPool({ simWatchIntervalMs: 20 }));
    await vi.waitFor(() => expect(freshness(h)).toEqual(names.map(() => 'fresh')), { timeout: 10_000 });
    expect(h.hub.host('sim001')!.status!.bindings.map((b) => b.id)).toEqual(['web-0', 'db-1']);

    const deltas: HostRecord[] = [];
    h.hub.subscribe((r) => deltas.push(r));
    const sim002 = (await embeddedSimNetwork()).get('sim002')!;
    const cli = await runOnSimHost(sim002, ['export', '--in', 'eth0', '--port', '2999', '--to', 'c003:8080', '--id', 'by-hand']);
    expect(cli.exitCode).toBe(0);
    await vi.waitFor(() => expect(h.hub.host('sim002')!.status!.bindings.map((b) => b.id)).toContain('by-hand'), { timeout: 5_000 });
    expect(new Set(deltas.map((r) => r.name))).toEqual(new Set(['sim002']));
  });

  it('draws the last-known network at once after a restart, stale until fresh; a host that is gone keeps its bindings, with the reason', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sy-hub-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const first = await start(dir, new SessionPool({ simWatchIntervalMs: 20 }));
    await vi.waitFor(() => expect(freshness(first)).toEqual(names.map(() => 'fresh')), { timeout: 10_000 });
    const seen = first.hub.host('sim003')!.seenAt;
    for (const c of cleanup.splice(1).reverse()) await c(); // stop the first console, keep the directory

    // The restarted console's network has lost sim003 (as if its machine were gone).
    const spec = simNetworkOf(inventory);
    const without = await createSimNetwork({ ...spec, hosts: spec.hosts.filter((x) => x.name !== 'sim003') });
    const pool = new SessionPool({ simNetwork: async () => without, simWatchIntervalMs: 20, backoff: { initialMs: 50, maxMs: 200 } });
    const second = await start(dir, pool);
    // Before any session answered: everything drawn from the store, marked stale.
    expect(second.hub.hosts().every((r) => r.status !== null)).toBe(true);
    expect(hostView(second.hub.host('sim001')!)).toMatchObject({ reachable: true, stale: true });

    await vi.waitFor(() => expect(freshness(second)).toEqual(['fresh', 'fresh', 'down', 'fresh']), { timeout: 10_000 });
    const gone = hostView(second.hub.host('sim003')!);
    expect(gone).toMatchObject({ reachable: false, error: expect.stringMatching(/no simulated host named sim003/), seenAt: seen });
    expect(gone.status?.bindings.map((b) => b.id)).toEqual(['web-0', 'db-1']);
  });
});
