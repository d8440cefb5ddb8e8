import { describe, expect, it } from 'vitest';
import { bindingInputSchema, bindingSpecOf } from './binding-input';
import { rebindInputSchema } from './binding-change-input';

describe('binding input (forms and JSON API alike)', () => {
  it('takes a port as form text or as a JSON number, and gives the engine the same spec', () => {
    const form = bindingInputSchema.parse({ kind: 'export', host: 'host2', iface: 'eth0', port: '2211', proto: 'tcp', target: 'a1:4422', id: 'web' });
    const json = bindingInputSchema.parse({ kind: 'export', host: 'host2', iface: 'eth0', port: 2211, proto: 'tcp', target: 'a1:4422', id: 'web' });
    expect(bindingSpecOf(json)).toEqual(bindingSpecOf(form));
    expect(bindingSpecOf(json)).toEqual({ id: 'web', kind: 'export', proto: 'tcp', port: 2211, to: 'a1:4422', masquerade: true, in: 'eth0' });
  });

  it('refuses ports outside 1–65535 and non-numbers, whatever their JSON type', () => {
    for (const port of [0, 65536, 22.5, '22x', true, null]) {
      const r = bindingInputSchema.safeParse({ kind: 'import', host: 'host1', address: '10.2.1.3', port, proto: 'tcp', target: '192.168.1.3:2211', id: 'nc' });
      expect(r.success, `port ${JSON.stringify(port)}`).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toEqual(['port']);
    }
  });

  it('takes a revision from a query string or JSON', () => {
    expect(rebindInputSchema.parse({ host: 'host1', id: 'nc', revision: '3', target: '192.168.4.4:2211' }).revision).toBe(3);
    expect(rebindInputSchema.safeParse({ host: 'host1', id: 'nc', revision: -1, target: '192.168.4.4:2211' }).success).toBe(false);
  });
});
