import type { Server } from 'node:http';
import { hostViewsNow } from '../hub-views';
import { consoleMetrics } from './console-metrics';
import { parseMetricsListen } from './metrics-listen-address';
import { startMetricsListener, type MetricsSource } from './metrics-listener';

/** What a scrape answers, from the hub as it is now (no host is asked): for GET /metrics and the loopback listener. */
export const networkMetrics: MetricsSource = {
  get contentType() {
    return consoleMetrics().registry.contentType;
  },
  text: async () => consoleMetrics().render(await hostViewsNow()),
};

/** Serve /metrics without credentials on `SWITCHYARD_METRICS_LISTEN` (a loopback address and port). */
export async function serveMetricsOnLoopback(listen: string): Promise<Server> {
  const at = parseMetricsListen(listen);
  const server = await startMetricsListener(at, networkMetrics);
  console.log(`switchyard: metrics on http://${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}/metrics (loopback only, no credentials)`);
  return server;
}
