import { outcomeOf, tcpConnect, type TcpConnector } from '../host/probe';
import type { ProbeReport, ProbeResult } from '../model/report';
import type { EngineContext } from './context';
import { findBinding } from './find-binding';

/** A probe gives up after this long: the 2 s of the contract. */
export const probeTimeoutMs = 2000;

/**
 * `probe [ID]`: from this host, open a TCP connection to each binding's target (all at once, 2 s
 * each) and report ok, refused or timeout with the latency. UDP targets are not probed: a datagram
 * that gets no answer proves nothing. Takes no lock and changes nothing.
 */
export async function probe(ctx: EngineContext, id?: string, connector: TcpConnector = tcpConnect): Promise<ProbeReport> {
  const state = await ctx.store.read();
  const bindings = id ? [findBinding(state, id, ctx.hostname)] : state.bindings;
  const probes = await Promise.all(
    bindings.map(async (b): Promise<ProbeResult> => {
      const target = `${b.target.address}:${b.target.port}`;
      const at = new Date().toISOString();
      if (b.proto === 'udp') return { id: b.id, proto: b.proto, target, outcome: 'unprobed', at };
      return { id: b.id, proto: b.proto, target, at, ...outcomeOf(await connector(b.target.address, b.target.port, probeTimeoutMs)) };
    }),
  );
  return { host: ctx.hostname, probes };
}
