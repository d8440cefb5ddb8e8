import { randomUUID } from 'node:crypto';
import { loadInventory } from '@/lib/console/load-inventory';
import { simNetworkOf } from '@/lib/console/sim-network-spec';
import type { Inventory } from '@/lib/console/inventory';
import type { HostView, Topology } from '@/lib/console/topology';
import { hostSessions, runEngine, type SessionPool } from '@/lib/hosts';
import { startSimNetwork } from '@/lib/hosts/sim/sim-network';
import { readEngineOutcome } from '@/lib/console/engine-outcome';
import type { ProbeReport, StatusReport } from '@/lib/engine/model/report';
import { store, type Database } from '@/lib/store';
import { Hub } from './hub';
import { hostView } from './host-view';
import { loadHostStates, saveHostStates } from './host-state-table';
import { probeIntervalFromEnv, startProber, type Prober } from './prober';

/** The console server's hub: the inventory it serves, every host's last-known state, and which run counted it. */
export interface NetworkHub {
  readonly inventory: Inventory;
  readonly hub: Hub;
  /** Changes when the server restarts, so browsers know its versions start again. */
  readonly epoch: string;
  /** Probes every binding's target each interval through the host sessions. */
  readonly prober: Prober;
  /** Stop listening and keep what is not kept yet (the sessions belong to the pool). */
  stop(): void;
}

/** How often the hub writes changed last-known statuses to the store, by default. */
const defaultPersistEveryMs = 2_000;

/**
 * Start a hub for `inventory`: restore each host's last-known status from the store (stale until
 * fresh), build the inventory's simulated hosts, open one session per host through `pool`, and
 * feed the hub from their pushed statuses and up/down transitions.
 */
export async function startNetworkHub(inventory: Inventory, db: Database, pool: SessionPool, opts: { persistEveryMs?: number; probeIntervalMs?: number } = {}): Promise<NetworkHub> {
  const hub = new Hub(inventory.hosts, loadHostStates(db));
  if (inventory.hosts.some((h) => h.transport === 'sim')) await startSimNetwork(simNetworkOf(inventory));
  const offStatus = pool.onStatus((host, report) => hub.observeStatus(host, report));
  const offState = pool.onState((host, s) => hub.observeSession(host, s));
  pool.sync(inventory.hosts);
  // Sessions that were open before the hub listened: take what they already know.
  for (const s of pool.sessions()) {
    if (s.lastStatus) hub.observeStatus(s.host, s.lastStatus);
    if (!s.state.up && s.state.reason !== 'connecting') hub.observeSession(s.host, s.state);
  }
  const keep = () => saveHostStates(db, hub.takeUnsaved());
  const persist = setInterval(keep, opts.persistEveryMs ?? defaultPersistEveryMs);
  persist.unref();
  const prober = startProber(
    hub,
    async (name) => {
      const entry = inventory.hosts.find((x) => x.name === name);
      if (!entry) return null;
      const outcome = readEngineOutcome<ProbeReport>(name, await pool.request(entry, ['probe']));
      return outcome.ok ? outcome.report : null;
    },
    { intervalMs: opts.probeIntervalMs ?? probeIntervalFromEnv() },
  );
  const stop = () => {
    prober.stop();
    clearInterval(persist);
    offStatus();
    offState();
    keep();
  };
  return { inventory, hub, epoch: randomUUID(), prober, stop };
}

// One hub per server process, kept on globalThis because Next.js may load this module once per bundle.
const hubKey = Symbol.for('switchyard.network-hub');
type Registry = { [hubKey]?: Promise<NetworkHub> };

/** The console's hub, started on first use (or at server start) from `SWITCHYARD_INVENTORY`. */
export function networkHub(): Promise<NetworkHub> {
  const g = globalThis as Registry;
  g[hubKey] ??= loadInventory().then((inventory) => startNetworkHub(inventory, store(), hostSessions()));
  return g[hubKey];
}

/** What a page draws, straight from the hub: no host is asked. */
export function hubTopology(h: NetworkHub): Topology {
  return {
    hosts: h.hub.hosts().map(hostView),
    containers: h.inventory.containers,
    services: h.inventory.services,
    clients: h.inventory.clients,
    loadedAt: new Date().toISOString(),
    version: h.hub.version,
    epoch: h.epoch,
  };
}

/**
 * After a change on `host`: take the host's status through its session into the hub, and return
 * the host's view (what an action sends back; other tabs get it pushed).
 */
export async function refreshHost(h: NetworkHub, host: string): Promise<HostView[]> {
  const entry = h.inventory.hosts.find((x) => x.name === host);
  if (!entry) return [];
  const outcome = readEngineOutcome<StatusReport>(host, await runEngine(entry, ['status']));
  if (outcome.ok) h.hub.observeStatus(host, outcome.report);
  const record = h.hub.host(host);
  return record ? [hostView(record)] : [];
}
