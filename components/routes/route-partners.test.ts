import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/components/graph/build-graph';
import { importH3, routeH3, seedTopology } from '@/components/graph/topology.fixture';
import { routeRemovalOf } from './route-partners';

describe('routeRemovalOf', () => {
  const both = [
    { host: 'host2', id: 'route-h3', revision: 1 },
    { host: 'host1', id: 'h3', revision: 1 },
  ];

  it('offers both halves of the seed route from either half, the export first', () => {
    const { edges } = buildGraph(seedTopology());
    expect(routeRemovalOf(edges, 'binding:host2/route-h3')).toEqual(both);
    expect(routeRemovalOf(edges, 'binding:host1/h3')).toEqual(both);
  });

  it('offers nothing for a binding that is not part of a route', () => {
    const { edges } = buildGraph(seedTopology());
    expect(routeRemovalOf(edges, 'binding:host2/web')).toBeNull();
    expect(routeRemovalOf(buildGraph(seedTopology([importH3], [])).edges, 'binding:host1/h3')).toBeNull();
  });

  it('from an import, takes every export aimed at it; from one of those exports, does not take the shared import', () => {
    const second = { ...routeH3, id: 'route-2', front: { iface: 'eth0', port: 4434 } };
    const { edges } = buildGraph(seedTopology([importH3], [routeH3, second]));
    expect(routeRemovalOf(edges, 'binding:host1/h3')?.map((m) => m.id)).toEqual(['route-h3', 'route-2', 'h3']);
    expect(routeRemovalOf(edges, 'binding:host2/route-h3')).toBeNull();
  });
});
