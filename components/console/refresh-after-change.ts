import { networkHub, refreshHost } from '@/lib/hub';
import type { HostView } from '@/lib/console/topology';

/**
 * After a change on a host: take its fresh status into the hub (every other tab gets it pushed)
 * and return its view for the page that made the change. No other host is asked.
 */
export async function refreshAfterChange(host: string): Promise<HostView[]> {
  return refreshHost(await networkHub(), host);
}
