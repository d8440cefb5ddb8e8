// The console's own view of the network: what the page and the graph draw. Types only, so the
// client components may import them; the engine's report shapes are re-exported from here.
import type { Transport } from '@/lib/hosts/host-connection';
import type { InventoryClient, InventoryContainer, InventoryService } from './inventory';

export type { Binding, BindingKind, BindingSpec, Exposure, Proto } from '@/lib/engine/model/binding';
export type { BindingReport, ChangeReport, Change, KernelState, StatusReport, InterfaceFact } from '@/lib/engine/model/report';
export type { InventoryClient, InventoryContainer, InventoryService } from './inventory';
export type { Transport } from '@/lib/hosts/host-connection';
import type { StatusReport } from '@/lib/engine/model/report';

/** One host as the console last saw it: its engine's status, or why it could not be asked. */
export type HostView =
  | { name: string; transport: Transport; reachable: true; status: StatusReport }
  | { name: string; transport: Transport; reachable: false; error: string };

/** Everything the graph draws, gathered from every host at one moment. */
export interface Topology {
  hosts: HostView[];
  containers: InventoryContainer[];
  services: InventoryService[];
  clients: InventoryClient[];
  /** ISO time the hosts were asked. */
  loadedAt: string;
}
