import { describe, expect, it } from 'vitest';
import type { StatusReport } from '@/lib/engine/model/report';
import { Hub } from './hub';
import { hostEventStream, streamStart } from './host-event-stream';

const status = (host: string, packets: number): StatusReport => ({
  host,
  backend: 'iptables',
  facts: { hostname: host, ipForward: true, weave: false, interfaces: [] },
  exposed: [],
  bindings: [],
  foreign: [],
  warnings: [`packets ${packets}`],
});

interface Sse {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads SSE messages off a stream until `count` have arrived. */
async function read(stream: ReadableStream<Uint8Array>, count: number): Promise<Sse[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const out: Sse[] = [];
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter((l) => /^(id|event|data): /.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
      if (fields.event) out.push({ ...(fields.id ? { id: fields.id } : {}), event: fields.event, data: JSON.parse(fields.data) });
    }
  }
  reader.releaseLock();
  return out;
}

const hosts = ['host1', 'host2', 'host3'].map((name) => ({ name, transport: 'sim' as const }));

describe('the SSE stream of the hub', () => {
  it('says hello, sends what changed after the browser’s version, then each host as it changes', async () => {
    const hub = new Hub(hosts);
    hub.observeStatus('host1', status('host1', 1));
    const pageVersion = hub.version;
    hub.observeStatus('host3', status('host3', 1));
    const abort = new AbortController();
    const stream = hostEventStream(hub, 'run1', { since: pageVersion, epoch: 'run1' }, abort.signal);
    const first = await read(stream, 2);
    expect(first[0]).toEqual({ event: 'hello', data: { epoch: 'run1', version: 2 } });
    expect(first[1]).toMatchObject({ id: 'run1.2', event: 'host', data: { name: 'host3', reachable: true, seq: 2 } });

    hub.observeStatus('host2', status('host2', 5));
    const [live] = await read(stream, 1);
    expect(live).toMatchObject({ id: 'run1.3', event: 'host', data: { name: 'host2', status: { warnings: ['packets 5'] } } });
    abort.abort();
  });

  it('sends every host to a browser whose version was counted by an earlier run of the server', async () => {
    const hub = new Hub(hosts, [{ name: 'host1', status: status('host1', 1), seenAt: '2026-01-01T00:00:00.000Z' }]);
    const abort = new AbortController();
    const got = await read(hostEventStream(hub, 'run2', { since: 40, epoch: 'run1' }, abort.signal), 4);
    expect(got.slice(1).map((m) => (m.data as { name: string }).name)).toEqual(['host1', 'host2', 'host3']);
    expect(got[1].data).toMatchObject({ reachable: true, stale: true });
    abort.abort();
  });

  it('stops listening to the hub when the browser goes away', async () => {
    const hub = new Hub(hosts);
    const abort = new AbortController();
    const stream = hostEventStream(hub, 'run1', { since: 0, epoch: 'run1' }, abort.signal);
    await read(stream, 1);
    abort.abort();
    hub.observeStatus('host1', status('host1', 1));
    const reader = stream.getReader();
    // Whatever was queued before the abort, the stream then ends.
    for (let r = await reader.read(); !r.done; r = await reader.read());
    expect(hub.subscribers).toBe(0);
  });

  it('resumes from Last-Event-ID when EventSource reconnects, else from the page’s version', () => {
    expect(streamStart('run1.17', new URLSearchParams('since=3&epoch=run1'))).toEqual({ epoch: 'run1', since: 17 });
    expect(streamStart(null, new URLSearchParams('since=3&epoch=run1'))).toEqual({ epoch: 'run1', since: 3 });
    expect(streamStart(null, new URLSearchParams('since=-1'))).toEqual({ since: 0, epoch: undefined });
  });
});
