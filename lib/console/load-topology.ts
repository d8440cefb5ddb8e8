import { runEngine, defaultEngineTimeoutMs } from '@/lib/hosts';
import type { StatusReport } from '@/lib/engine/model/report';
import { readEngineOutcome } from './engine-outcome';
import type { Inventory, InventoryHost } from './inventory';
import type { HostView, Topology } from './topology';

type EngineRunner = typeof runEngine;

// A host that never answers must not hold the page: each status query races its own deadline.
function withDeadline<T>(p: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Ask one host for its status; any failure becomes an unreachable host with the reason. */
export async function loadHostView(host: InventoryHost, timeoutMs: number, run: EngineRunner = runEngine): Promise<HostView> {
  const base = { name: host.name, transport: host.transport };
  try {
    const result = await withDeadline(run(host, ['status'], undefined, timeoutMs), timeoutMs + 500, () => ({
      exitCode: 124,
      stdout: '',
      stderr: `no answer within ${timeoutMs} ms`,
    }));
    const outcome = readEngineOutcome<StatusReport>(host.name, result);
    return outcome.ok ? { ...base, reachable: true, status: outcome.report } : { ...base, reachable: false, error: outcome.message };
  } catch (cause) {
    return { ...base, reachable: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Query every host in parallel and gather what the graph draws. */
export async function loadTopology(
  inventory: Inventory,
  timeoutMs: number = defaultEngineTimeoutMs,
  run: EngineRunner = runEngine,
): Promise<Topology> {
  const hosts = await Promise.all(inventory.hosts.map((h) => loadHostView(h, timeoutMs, run)));
  return {
    hosts,
    containers: inventory.containers,
    services: inventory.services,
    clients: inventory.clients,
    loadedAt: new Date().toISOString(),
  };
}
