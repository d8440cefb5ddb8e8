import { connect } from 'node:net';

/** How a target answered a probe. `unprobed`: UDP, where silence proves nothing. */
export type ProbeOutcome = 'ok' | 'refused' | 'timeout' | 'unreachable' | 'error' | 'unprobed';

/** What one TCP connection attempt ended with: connected, or the socket error code. */
export type ConnectEnd = { connected: true; ms: number } | { connected: false; code: string; ms: number };

/** One connection attempt to `address:port`; the seam tests and simulated hosts replace. */
export type TcpConnector = (address: string, port: number, timeoutMs: number) => Promise<ConnectEnd>;

/** A probe outcome from how the connection attempt ended (pure). */
export function outcomeOf(end: ConnectEnd): { outcome: ProbeOutcome; latencyMs?: number; error?: string } {
  if (end.connected) return { outcome: 'ok', latencyMs: Math.round(end.ms * 10) / 10 };
  switch (end.code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return { outcome: 'refused', latencyMs: Math.round(end.ms * 10) / 10, error: end.code };
    case 'ETIMEDOUT':
    case 'timeout':
      return { outcome: 'timeout', error: 'no answer within the timeout' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { outcome: 'unreachable', error: end.code };
    default:
      return { outcome: 'error', error: end.code };
  }
}

/** Open a real TCP connection from this host (this network namespace), and close it at once. */
export const tcpConnect: TcpConnector = (address, port, timeoutMs) =>
  new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const socket = connect({ host: address, port });
    const done = (end: ConnectEnd) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(end);
    };
    const timer = setTimeout(() => done({ connected: false, code: 'timeout', ms: ms() }), timeoutMs);
    socket.once('connect', () => done({ connected: true, ms: ms() }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ connected: false, code: e.code ?? 'error', ms: ms() }));
  });
