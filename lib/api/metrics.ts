import { hostViewsNow } from '@/lib/console/hub-views';
import { consoleMetrics } from '@/lib/console/metrics';
import { apiUser } from './api-refusal';

/**
 * GET /metrics: the network as the hub sees it now, and the programming-latency histogram, in
 * Prometheus text format, for admins (an admin's API token, for Prometheus). No host is asked.
 */
export async function getMetrics(): Promise<Response> {
  const user = await apiUser('admin', { action: 'metrics' });
  if (user instanceof Response) return user;
  const metrics = consoleMetrics();
  const text = await metrics.render(await hostViewsNow());
  return new Response(text, { headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' } });
}
