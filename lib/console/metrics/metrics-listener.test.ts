import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetricsListener } from './metrics-listener';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listener(text: () => Promise<string>): Promise<number> {
  const server = await startMetricsListener({ host: '127.0.0.1', port: 0 }, { contentType: 'text/plain; version=0.0.4; charset=utf-8', text });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, host: string, method = 'GET'): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback metrics listener', () => {
  it('answers GET /metrics with the source text, asking for no credentials', async () => {
    let scrapes = 0;
    const port = await listener(async () => `switchyard_scrapes ${++scrapes}\n`);
    expect(await get(port, '/metrics', `127.0.0.1:${port}`)).toEqual({ status: 200, type: 'text/plain; version=0.0.4; charset=utf-8', body: 'switchyard_scrapes 1\n' });
    expect((await get(port, '/metrics?x=1', `localhost:${port}`)).body).toBe('switchyard_scrapes 2\n');
  });

  it('refuses a Host that is not a loopback name (a page reaching it through DNS rebinding)', async () => {
    const port = await listener(async () => 'secret 1\n');
    const r = await get(port, '/metrics', `evil.example:${port}`);
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('secret');
  });

  it('serves nothing but GET /metrics, and says so when the source fails', async () => {
    const port = await listener(async () => {
      throw new Error('the hub is gone');
    });
    expect((await get(port, '/', `127.0.0.1:${port}`)).status).toBe(404);
    expect((await get(port, '/metrics', `127.0.0.1:${port}`, 'POST')).status).toBe(405);
    const failed = await get(port, '/metrics', `127.0.0.1:${port}`);
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('could not be read');
  });
});
