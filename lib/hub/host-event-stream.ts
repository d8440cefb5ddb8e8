import type { Hub } from './hub';
import type { HostRecord } from './host-record';
import { hostView } from './host-view';

/** Where a browser's stream starts: the version it holds, counted by which server run. */
export interface StreamStart {
  since: number;
  epoch?: string;
}

/**
 * Where to resume: `Last-Event-ID` (`<epoch>.<seq>`, set by EventSource when it reconnects) wins
 * over the page's `?since=&epoch=`.
 */
export function streamStart(lastEventId: string | null, query: URLSearchParams): StreamStart {
  const m = /^([\w-]+)\.(\d+)$/.exec(lastEventId ?? '');
  if (m) return { epoch: m[1], since: Number(m[2]) };
  const since = Number(query.get('since') ?? '0');
  return { since: Number.isSafeInteger(since) && since >= 0 ? since : 0, epoch: query.get('epoch') ?? undefined };
}

const encoder = new TextEncoder();
const message = (event: string, data: unknown, id?: string): Uint8Array =>
  encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * A Server-Sent Events stream of the hub: first `hello` (this run's epoch and version), then every
 * host changed after the browser's version (all of them if it counted by another run), then each
 * host as it changes — one event per host, never the whole network. Comments keep idle proxies open.
 */
export function hostEventStream(hub: Hub, epoch: string, start: StreamStart, signal: AbortSignal, keepAliveMs = 20_000): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          stop(); // the browser went away between our check and the write
        }
      };
      const sendHost = (r: HostRecord) => send(message('host', hostView(r), `${epoch}.${r.seq}`));
      send(encoder.encode('retry: 2000\n\n'));
      send(message('hello', { epoch, version: hub.version }));
      // Backlog and subscription in one synchronous step: no change falls between them.
      for (const r of start.epoch === epoch ? hub.changedSince(start.since) : hub.hosts()) sendHost(r);
      const unsubscribe = hub.subscribe(sendHost);
      const keepAlive = setInterval(() => send(encoder.encode(': keep-alive\n\n')), keepAliveMs);
      stop = () => {
        unsubscribe();
        clearInterval(keepAlive);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal.aborted) stop();
      else signal.addEventListener('abort', () => stop(), { once: true });
    },
    cancel() {
      stop();
    },
  });
}
