import type { ConnectEnd, TcpConnector } from '@/lib/engine/host/probe';
import type { SimNetworkSpec } from './seed-network';
import type { SimHost } from './sim-host';

// Latencies a simulated connection reports: a container on the overlay, an outside service, one more hop per import it passes.
const overlayMs = 0.3;
const outsideMs = 1.2;
const hopMs = 0.2;
/** How many imports a simulated connection may pass through before it is called a loop. */
const maxHops = 4;

const refused = (ms: number): ConnectEnd => ({ connected: false, code: 'ECONNREFUSED', ms });
const timedOut = (ms: number): ConnectEnd => ({ connected: false, code: 'timeout', ms });

/**
 * How a probe's TCP connection from a simulated host would end on its network, decided from the
 * network's own description: a container's listed TCP service answers; an outside service answers
 * if this host has a route to it (else the SYN goes unanswered); another host's import front
 * passes the connection on to that import's target; a known address with nothing on the port
 * refuses; anything else is silent (timeout). Nothing is sent anywhere.
 */
export function simProbeConnector(from: string, spec: SimNetworkSpec, hosts: ReadonlyMap<string, SimHost>): TcpConnector {
  const reach = async (host: string, address: string, port: number, hops: number): Promise<ConnectEnd> => {
    const container = spec.containers.find((c) => c.address === address);
    if (container) return container.services.some((s) => s.port === port && s.proto === 'tcp') ? { connected: true, ms: overlayMs + hops * hopMs } : refused(overlayMs);
    const service = spec.services.find((s) => s.address === address);
    if (service) {
      if (!service.reachableFrom.includes(host)) return timedOut(0);
      return service.port === port && service.proto === 'tcp' ? { connected: true, ms: outsideMs + hops * hopMs } : refused(outsideMs);
    }
    for (const [name, h] of hosts) {
      const holds = h.interfaces.some((i) => i.addresses.some((a) => a.split('/')[0] === address));
      if (!holds) continue;
      const imported = (await h.store.read()).bindings.find((b) => b.kind === 'import' && b.front.address === address && b.front.port === port && b.proto === 'tcp');
      if (!imported || hops >= maxHops) return refused(overlayMs);
      return reach(name, imported.target.address, imported.target.port, hops + 1);
    }
    return timedOut(0);
  };
  return async (address, port, timeoutMs) => {
    const end = await reach(from, address, port, 0);
    return end.connected || end.code !== 'timeout' ? end : timedOut(timeoutMs);
  };
}
