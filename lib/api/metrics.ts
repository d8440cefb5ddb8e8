import { networkMetrics } from '@/lib/console/metrics/scrape';
import { apiUser } from './api-refusal';

/**
 * GET /metrics: the network as the hub sees it now, and the programming-latency histogram, in
 * Prometheus text format, for admins (an admin's API token, for Prometheus). No host is asked.
 */
export async function getMetrics(): Promise<Response> {
  const user = await apiUser('admin', { action: 'metrics' });
  if (user instanceof Response) return user;
  return new Response(await networkMetrics.text(), { headers: { 'content-type': networkMetrics.contentType, 'cache-control': 'no-store' } });
}
