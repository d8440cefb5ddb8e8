import { PassThrough } from 'node:stream';
import { serveStdio, textProbe } from '@/lib/engine/serve';
import { SessionChannel, type Connector } from './session-channel';
import type { SimHost } from './sim/sim-host';

/**
 * A connection to a simulated host: the engine's own `serve --stdio` loop, in this process, over a
 * pair of in-memory pipes. Its probe fingerprints the simulated netfilter's and state's generations and the interfaces.
 */
export function simConnector(host: SimHost, watchIntervalMs?: number): Connector {
  return (events) => {
    const toEngine = new PassThrough();
    const fromEngine = new PassThrough();
    const channel = new SessionChannel(host.name, (line) => toEngine.write(line), events);
    fromEngine.setEncoding('utf8').on('data', (chunk: string) => channel.receive(chunk));
    // Generations, not dumps: a check of an unchanged host costs a few string joins, not a status.
    const probe = textProbe(async () => [String(host.iptables.generation), String(host.store.generation), JSON.stringify(host.interfaces), String(host.ipForward)]);
    const serving = serveStdio({ input: toEngine, output: fromEngine, globals: [], io: { runner: host.runner, store: host.store, hostname: host.name, env: {}, connector: host.connector }, probe, watchIntervalMs });
    serving.then(
      () => channel.end('the session was closed'),
      (e: unknown) => channel.end(`the simulated engine failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return {
      ready: channel.ready,
      ended: channel.ended,
      request: (args, input, timeoutMs) => channel.request(args, input, timeoutMs),
      close: () => toEngine.end(),
    };
  };
}
