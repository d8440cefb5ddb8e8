// Health through the console's hub on the real lab: every binding's target is probed through the
// host sessions each interval, and a target whose service stops is shown failing by the very next
// probe, while its rules stay active in the kernel.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '@/lib/console/inventory';
import { SessionPool } from '@/lib/hosts';
import { hostView, startNetworkHub, type NetworkHub } from '@/lib/hub';
import { inventoryPath, machine } from '@/lib/lab';
import { pidDir } from '@/lib/lab/paths';
import { startService, stopProcess } from '@/lib/lab/services';
import { openStore, type Database } from '@/lib/store';
import { ask, labBackends, switchyard, useLab, waitFor } from './lab-fixture';

const probeIntervalMs = 1_000;

describe.each(labBackends)('health on the lab (%s backend)', (backend) => {
  useLab(backend);
  let pool: SessionPool;
  let hub: NetworkHub;
  let db: Database;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sy-lab-health-'));
    db = openStore(dataDir);
    const inventory = JSON.parse(readFileSync(inventoryPath, 'utf8')) as Inventory;
    pool = new SessionPool({ backoff: { initialMs: 200, maxMs: 1_000 } });
    hub = await startNetworkHub(inventory, db, pool, { probeIntervalMs });
  });
  afterAll(async () => {
    hub?.stop();
    await pool?.close();
    db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const probeOf = (id: string) => hub.hub.host('host1')?.probes?.find((p) => p.id === id);

  it('shows an import whose outside service stopped as failing at the next probe, though its rules stay active', async () => {
    const made = await switchyard('host1', ['import', '--on', '10.2.1.3', '--port', '3322', '--to', '192.168.1.3:2211', '--id', 'h3']);
    expect(made.exitCode, made.stderr).toBe(0);
    expect(await ask('a2', '10.2.1.3', 3322)).toEqual({ ok: true, reply: 'host3: Hello, world.' });
    await waitFor('a probe of h3 that answered', () => probeOf('h3')?.outcome === 'ok', 15_000);
    expect(probeOf('h3')).toMatchObject({ proto: 'tcp', target: '192.168.1.3:2211' });
    expect(probeOf('h3')!.latencyMs).toBeGreaterThan(0);

    const host3 = machine('host3');
    const pid = Number((await readFile(path.join(pidDir, 'host3-2211.pid'), 'utf8')).trim());
    await stopProcess(pid);
    const stoppedAt = Date.now();
    try {
      // The first probe that started after the service stopped already says so.
      await waitFor('a probe of h3 started after the stop', () => Date.parse(probeOf('h3')?.at ?? '') > stoppedAt, 15_000);
      expect(probeOf('h3')!.outcome).toBe('refused');
      const view = hostView(hub.hub.host('host1')!);
      expect(view.status?.bindings.find((b) => b.id === 'h3')?.state).toBe('active');
      expect(view.probes?.find((p) => p.id === 'h3')?.outcome).toBe('refused');
    } finally {
      await startService(host3, { port: 2211, proto: 'tcp' });
    }
    await waitFor('h3 answering again', () => probeOf('h3')?.outcome === 'ok', 15_000);
  });
});
