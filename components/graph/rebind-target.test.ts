import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { rebindTarget } from './rebind-target';
import { seedTopology } from './topology.fixture';

describe('rebindTarget', () => {
  const { nodes, edges } = buildGraph(seedTopology());
  const h3 = edges.find((e) => e.id === 'binding:host1/h3')!;
  const web = edges.find((e) => e.id === 'binding:host2/web')!;
  const drop = (edge = h3, target: string, targetHandle: string) => rebindTarget(nodes, edge, { source: edge.source, sourceHandle: 'out', target, targetHandle });

  it('moves an import to another service its host reaches, by address and port', () => {
    expect(drop(h3, 'service:host4', 'in:2211')).toEqual({ ok: true, to: '192.168.4.4:2211', nodeId: 'service:host4', port: 2211 });
  });

  it('refuses a service the host cannot reach', () => {
    expect(drop(web, 'service:host4', 'in:2211')).toEqual({ ok: false, reason: 'host4 is not reachable from host2' });
  });

  it('refuses the binding’s own front', () => {
    expect(drop(h3, 'exposed:host1:10.2.1.3', 'in:3322')).toMatchObject({ ok: false, reason: 'h3 cannot point at its own front' });
  });

  it('refuses moving the front end and dropping off a port', () => {
    expect(rebindTarget(nodes, h3, { source: 'iface:host1:eth1', sourceHandle: 'out', target: 'service:host4', targetHandle: 'in:2211' }).ok).toBe(false);
    expect(drop(h3, 'service:host4', 'out').ok).toBe(false);
  });

  it('lets an export on host2 point at host1’s import front (a route)', () => {
    expect(drop(web, 'exposed:host1:10.2.1.3', 'in:3322')).toMatchObject({ ok: true, to: '10.2.1.3:3322' });
  });
});
