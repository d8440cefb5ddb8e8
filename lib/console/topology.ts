// The console's own view of the network: what the page and the graph draw. Types only, so the
// client components may import them; the engine's report shapes are re-exported from here.
import type { Transport } from '@/lib/hosts/host-connection';
import type { InventoryClient, InventoryContainer, InventoryService } from './inventory';

export type { Binding, BindingKind, BindingSpec, Exposure, Proto } from '@/lib/engine/model/binding';
export type { BindingReport, ChangeReport, Change, KernelState, StatusReport, InterfaceFact, ForeignRule, ProbeResult, Traffic, WatcherStatus } from '@/lib/engine/model/report';
export type { InventoryClient, InventoryContainer, InventoryService } from './inventory';
export type { Transport } from '@/lib/hosts/host-connection';
import type { ProbeResult, StatusReport } from '@/lib/engine/model/report';

/**
 * One host as the console last saw it. Reachable: its engine's status (`stale` while it is only the
 * status from before a restart). Not reachable: why, with the last-known status and when the host
 * was last seen, if it ever was (`connecting` while its first answer is awaited). `probes`: the console's
 * last health probe of each binding. `seq` orders the
 * views of one host the hub sends: a browser never replaces a view with an older one.
 */
export type HostView =
  | { name: string; transport: Transport; reachable: true; status: StatusReport; seenAt?: string; stale?: boolean; seq?: number; probes?: ProbeResult[] }
  | { name: string; transport: Transport; reachable: false; error: string; status?: StatusReport; seenAt?: string; connecting?: boolean; seq?: number; probes?: ProbeResult[] };

/** Everything the graph draws, gathered from every host at one moment. */
export interface Topology {
  hosts: HostView[];
  containers: InventoryContainer[];
  services: InventoryService[];
  clients: InventoryClient[];
  /** ISO time the hosts were asked. */
  loadedAt: string;
  /** The hub's change counter this topology reflects: pushed updates continue from here. */
  version?: number;
  /** Which run of the console server counted `version` (a restarted server counts from 0 again). */
  epoch?: string;
}
