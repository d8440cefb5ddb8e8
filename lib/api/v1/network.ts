import { loadInventory } from '@/lib/console/load-inventory';
import { loadTopology } from '@/lib/console/load-topology';
import { apiUser } from '../api-refusal';
import { apiHosts, apiBindings } from './network-view';
import { apiError } from '../api-error';

/** GET /api/v1/hosts: every host as it answers now, and whether the caller may change it. */
export async function getHosts(): Promise<Response> {
  const user = await apiUser('viewer', { action: 'list hosts' });
  if (user instanceof Response) return user;
  return Response.json({ hosts: apiHosts(await loadTopology(await loadInventory()), user) });
}

/** GET /api/v1/bindings[?host=NAME]: every binding with its kernel state and counters. */
export async function getBindings(request: Request): Promise<Response> {
  const user = await apiUser('viewer', { action: 'list bindings' });
  if (user instanceof Response) return user;
  const host = new URL(request.url).searchParams.get('host') ?? undefined;
  const inventory = await loadInventory();
  if (host !== undefined && !inventory.hosts.some((h) => h.name === host)) return apiError('not-found', `There is no host "${host}".`, 'host');
  return Response.json(apiBindings(await loadTopology(inventory), host));
}
