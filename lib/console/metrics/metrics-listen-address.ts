import { isIP } from 'node:net';

/** Where the loopback-only metrics listener binds. */
export interface MetricsListenAddress {
  host: string;
  port: number;
}

/** `SWITCHYARD_METRICS_LISTEN` that cannot be used, in plain words. */
export class MetricsListenError extends Error {
  override readonly name = 'MetricsListenError';
}

const isLoopbackAddress = (ip: string): boolean => ip === '::1' || /^127(\.\d{1,3}){3}$/.test(ip);

/**
 * Read `SWITCHYARD_METRICS_LISTEN` (`127.0.0.1:9464`, `[::1]:9464`): a loopback address and a port.
 * Anything else is refused, because that listener asks for no credentials.
 */
export function parseMetricsListen(value: string): MetricsListenAddress {
  const raw = value.trim();
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(raw);
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (!m || !host || isIP(host) === 0) throw new MetricsListenError(`SWITCHYARD_METRICS_LISTEN must be a loopback address and a port, such as 127.0.0.1:9464 (got "${raw}").`);
  if (!isLoopbackAddress(host)) throw new MetricsListenError(`SWITCHYARD_METRICS_LISTEN: ${host} is not a loopback address; the metrics listener asks for no credentials, so it listens only on 127.0.0.0/8 or ::1 (use GET /metrics with an admin's token from elsewhere).`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new MetricsListenError(`SWITCHYARD_METRICS_LISTEN: the port must be from 1 to 65535 (got "${m[3]}").`);
  return { host, port };
}
