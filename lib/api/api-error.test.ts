import { describe, expect, it } from 'vitest';
import { bindingInputSchema, bindingLabels } from '@/lib/console/input/binding-input';
import { apiError, apiStatus, failureResponse, invalidRequest, operationFailure } from './api-error';

describe('API errors', () => {
  it('use the status that fits each code', () => {
    expect([apiStatus('bad-input'), apiStatus('unauthenticated'), apiStatus('forbidden'), apiStatus('not-found'), apiStatus('stale'), apiStatus('conflict'), apiStatus('unreachable')]).toEqual([
      400, 401, 403, 404, 409, 409, 502,
    ]);
  });

  it('have the body { error: { code, field?, message } }', async () => {
    const r = apiError('forbidden', 'viewers cannot change bindings');
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(await r.json()).toEqual({ error: { code: 'forbidden', message: 'viewers cannot change bindings' } });
  });

  it('name the first invalid field of a request and every problem', async () => {
    const parsed = bindingInputSchema.safeParse({ kind: 'export', host: 'host2', port: 70000, proto: 'sctp', target: 'a1:4422', id: 'web' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const r = failureResponse(invalidRequest(parsed.error, bindingLabels));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: { code: 'bad-input', field: 'port', message: 'Nothing changed. Port: must be a port number from 1 to 65535; Protocol: must be tcp or udp.' },
    });
  });

  it("spell a host's field at fault as the API does", async () => {
    const r = failureResponse(operationFailure({ ok: false, code: 'bad-input', field: 'to', message: 'Target: cannot resolve "nowhere"' }));
    expect(await r.json()).toEqual({ error: { code: 'bad-input', field: 'target', message: 'Target: cannot resolve "nowhere"' } });
    expect(failureResponse(operationFailure({ ok: false, code: 'stale', field: 'revision', message: 'changed' })).status).toBe(409);
  });
});
