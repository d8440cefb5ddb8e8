// What the console's actions and API read from or feed into the hub, so features never reach
// into lib/hub themselves (DESIGN: components/ go through lib/console).
import { hostView, networkHub, refreshHost } from '@/lib/hub';
import type { Binding, HostView } from './topology';

/**
 * After a change on a host: take its fresh status into the hub (every open page gets it pushed)
 * and return its view for the caller that made the change. No other host is asked.
 */
export async function refreshAfterChange(host: string): Promise<HostView[]> {
  return refreshHost(await networkHub(), host);
}

/** The exact rules a binding holds, as its host last reported them (no host is asked); null if unknown. */
export async function reportedRules(host: string, id: string): Promise<string[] | null> {
  const { hub } = await networkHub();
  return hub.host(host)?.status?.bindings.find((b) => b.id === id)?.rules ?? null;
}

/** Every host's bindings as it last reported them (no host is asked); hosts never seen are left out. */
export async function reportedBindings(): Promise<{ name: string; bindings: Binding[] }[]> {
  const { hub } = await networkHub();
  return hub.hosts().flatMap((r) => (r.status ? [{ name: r.name, bindings: r.status.bindings }] : []));
}

/** Every host as the hub last saw it, as pages draw it (no host is asked): what `/metrics` exports. */
export async function hostViewsNow(): Promise<HostView[]> {
  const { hub } = await networkHub();
  return hub.hosts().map(hostView);
}
