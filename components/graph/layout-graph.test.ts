import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { layoutGraph } from './layout-graph';
import { seedTopology } from './topology.fixture';

describe('layoutGraph', () => {
  it('places every node, children inside their host group, clients left of the hosts they reach', async () => {
    const graph = buildGraph(seedTopology());
    const at = await layoutGraph(graph);
    for (const n of graph.nodes) expect(at[n.id], n.id).toBeDefined();
    const host1 = at['host:host1'];
    const eth1 = at['iface:host1:eth1'];
    expect(eth1.x + eth1.width).toBeLessThanOrEqual(host1.width);
    expect(eth1.y + eth1.height).toBeLessThanOrEqual(host1.height);
    expect(at['client:world'].x + at['client:world'].width).toBeLessThan(at['host:host2'].x);
  });
});
