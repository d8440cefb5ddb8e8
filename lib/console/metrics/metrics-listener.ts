import { createServer, type Server } from 'node:http';
import { hostNameOf, isLoopbackName } from '@/lib/auth/console-address';
import type { MetricsListenAddress } from './metrics-listen-address';

/** What the listener serves at GET /metrics: the exposition text and its content type. */
export interface MetricsSource {
  contentType: string;
  text(): Promise<string>;
}

/**
 * A loopback-only HTTP listener that answers GET /metrics without credentials, for a Prometheus on
 * the console's own machine. A Host that is not a loopback name is refused, so a web page cannot
 * read it through DNS rebinding. Resolves once it listens.
 */
export function startMetricsListener(at: MetricsListenAddress, source: MetricsSource): Promise<Server> {
  const server = createServer((req, res) => {
    const plain = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${body}\n`);
    const name = hostNameOf(req.headers.host);
    if (!name || !isLoopbackName(name)) return plain(403, 'Refused: the metrics listener answers only to loopback names.');
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') return plain(404, 'Only /metrics is here.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Only GET /metrics.');
    source.text().then(
      (text) => res.writeHead(200, { 'content-type': source.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
      (e: unknown) => {
        console.error('switchyard: /metrics failed:', e);
        plain(500, 'The metrics could not be read; see the console log.');
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
