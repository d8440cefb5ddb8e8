import { describe, expect, it } from 'vitest';
import { MetricsListenError, parseMetricsListen } from './metrics-listen-address';

describe('SWITCHYARD_METRICS_LISTEN', () => {
  it('takes a loopback address and port, IPv4 or IPv6', () => {
    expect(parseMetricsListen('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseMetricsListen(' 127.0.0.53:1 ')).toEqual({ host: '127.0.0.53', port: 1 });
    expect(parseMetricsListen('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
  });

  it('refuses every address that is not loopback, since the listener asks for no credentials', () => {
    for (const v of ['0.0.0.0:9464', '192.168.1.2:9464', '[::]:9464', '10.2.1.3:9464']) {
      expect(() => parseMetricsListen(v), v).toThrow(/is not a loopback address/);
    }
  });

  it('refuses names, missing ports and ports out of range, saying what it expects', () => {
    for (const v of ['localhost:9464', '127.0.0.1', '9464', '127.0.0.1:0', '127.0.0.1:70000', '::1:9464', '']) {
      expect(() => parseMetricsListen(v), v).toThrow(MetricsListenError);
    }
    expect(() => parseMetricsListen('localhost:9464')).toThrow('such as 127.0.0.1:9464');
  });
});
