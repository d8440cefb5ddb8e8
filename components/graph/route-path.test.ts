import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { routePath } from './route-path';
import { seedTopology } from './topology.fixture';

describe('routePath', () => {
  const { edges } = buildGraph(seedTopology());

  it('lights the whole route from either of its bindings', () => {
    const route = ['binding:host1/h3', 'binding:host2/route-h3'];
    expect([...routePath(edges, 'binding:host2/route-h3')].sort()).toEqual(route);
    expect([...routePath(edges, 'binding:host1/h3')].sort()).toEqual(route);
  });

  it('lights a lone binding alone, and nothing without a selection', () => {
    expect([...routePath(edges, 'binding:host2/web')]).toEqual(['binding:host2/web']);
    expect(routePath(edges, null).size).toBe(0);
  });
});
