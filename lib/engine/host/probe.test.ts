import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { outcomeOf, tcpConnect } from './probe';

describe('probe outcomes', () => {
  it.each([
    [{ connected: true, ms: 1.234 } as const, { outcome: 'ok', latencyMs: 1.2 }],
    [{ connected: false, code: 'ECONNREFUSED', ms: 0.5 } as const, { outcome: 'refused', latencyMs: 0.5 }],
    [{ connected: false, code: 'timeout', ms: 2000 } as const, { outcome: 'timeout' }],
    [{ connected: false, code: 'EHOSTUNREACH', ms: 3 } as const, { outcome: 'unreachable' }],
    [{ connected: false, code: 'EACCES', ms: 0 } as const, { outcome: 'error', error: 'EACCES' }],
  ])('%o → %o', (end, want) => {
    expect(outcomeOf(end)).toMatchObject(want);
  });

  it('a real listener on loopback connects; once closed, its port refuses', async () => {
    const server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    expect(await tcpConnect('127.0.0.1', port, 2000)).toMatchObject({ connected: true });
    await new Promise<void>((r) => server.close(() => r()));
    expect(await tcpConnect('127.0.0.1', port, 2000)).toMatchObject({ connected: false, code: 'ECONNREFUSED' });
  });
});
